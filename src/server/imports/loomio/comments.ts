import { type Draft, newId } from "@/server/imports/loomio/draft";
import { date, idOf, markdown, renderProblem } from "@/server/imports/loomio/fields";
import type { StagedRow } from "@/server/imports/loomio/staging";
import type { UnitRows } from "@/server/imports/loomio/unit";

export type CommentRow = {
  id: string;
  threadId: string;
  authorId: string;
  parentId: string | null;
  seq: number;
  body: string;
  editedAt: Date | null;
  deletedAt: Date | null;
  createdAt: Date;
};

export type PlannedComments = {
  /** Loomio comment id → Hearth id, for comments of this thread that are (or will be) in Hearth. */
  ids: Map<string, string>;
  /** Loomio ids of comments kept only as "comment deleted". */
  deleted: Set<string>;
  rows: CommentRow[];
  /** Counters as Hearth's own code keeps them: the last sequence number, and comments not deleted. */
  lastCommentSeq: number;
  commentCount: number;
  lastCommentAt: Date | null;
};

type Loomio = { row: StagedRow; id: string; parentType: string; parentId: string | null; createdAt: Date; deleted: Date | null };

/**
 * A thread's comments as Hearth keeps them. Replies are one level deep: a reply to a reply hangs
 * from its top-level ancestor, and a reply to a vote is a top-level comment. New comments are
 * numbered after the thread's last one, by time. A deleted comment is left out, unless it is a
 * top-level comment with replies: then it stays, without its words, so the replies keep their place.
 */
export function planComments(draft: Draft, unit: UnitRows, threadId: string, counters: { lastCommentSeq: number; commentCount: number }): PlannedComments {
  const { staging, adminUserId } = draft.run;
  const all = new Map<string, Loomio>();
  for (const row of unit.table("comments")) {
    const record = unit.record(row);
    all.set(row.id, {
      row,
      id: row.id,
      parentType: String(record.parent_type ?? "Discussion"),
      parentId: idOf(record.parent_id),
      createdAt: date(record.created_at) ?? new Date(0),
      deleted: date(record.discarded_at),
    });
  }
  const topOf = new Map<string, string>();
  const top = (comment: Loomio): string => {
    const known = topOf.get(comment.id);
    if (known) return known;
    let current = comment;
    for (let depth = 0; depth < 1_000 && current.parentType === "Comment"; depth += 1) {
      const parent = current.parentId === null ? undefined : all.get(current.parentId);
      if (!parent || parent === comment) break;
      current = parent;
    }
    topOf.set(comment.id, current.id);
    return current.id;
  };

  const planned: PlannedComments = { ids: new Map(), deleted: new Set(), rows: [], ...counters, lastCommentAt: null };
  const bodies = new Map<string, string>();
  const authors = new Map<string, string>();
  for (const comment of all.values()) {
    if (comment.row.target) {
      planned.ids.set(comment.id, comment.row.target);
      if (comment.deleted) planned.deleted.add(comment.id);
      draft.match("comments");
      draft.done(comment.row);
      continue;
    }
    if (comment.deleted) continue;
    const record = unit.record(comment.row);
    const authorId = staging.target("users", record.user_id);
    const body = markdown(record.body, record.body_format);
    const problem = renderProblem(body);
    if (!authorId) draft.skip(comment.row, `its author (user ${idOf(record.user_id) ?? "unknown"}) was not imported`);
    else if (problem) draft.skip(comment.row, `not imported, as ${problem}`);
    else {
      bodies.set(comment.id, body);
      authors.set(comment.id, authorId);
    }
  }
  // Deleted top-level comments that still have replies keep their place.
  const withReplies = new Set([...bodies.keys()].map((id) => top(all.get(id)!)));
  for (const comment of all.values()) {
    if (comment.row.target || !comment.deleted) continue;
    if (top(comment) === comment.id && withReplies.has(comment.id)) {
      planned.deleted.add(comment.id);
      authors.set(comment.id, staging.target("users", unit.record(comment.row).user_id) ?? adminUserId);
    } else {
      draft.skip(comment.row, "deleted in Loomio");
    }
  }

  const fresh = [...authors.keys()].map((id) => all.get(id)!).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || Number(a.id) - Number(b.id));
  for (const comment of fresh) planned.ids.set(comment.id, newId());
  for (const comment of fresh) {
    const record = unit.record(comment.row);
    const topId = top(comment);
    const parentId = topId === comment.id ? null : (planned.ids.get(topId) ?? null);
    if (topId !== comment.id && parentId === null) {
      draft.warn(`Line ${comment.row.line}: comment ${comment.id} replied to a comment that was not imported, so it is shown as a top-level comment.`);
    } else if (comment.parentType === "Comment" && comment.parentId !== null && !all.has(comment.parentId)) {
      draft.warn(`Line ${comment.row.line}: comment ${comment.id} replied to comment ${comment.parentId}, which is not in the file, so it is shown as a top-level comment.`);
    }
    const deleted = planned.deleted.has(comment.id);
    planned.lastCommentSeq += 1;
    if (!deleted) planned.commentCount += 1;
    planned.rows.push({
      id: planned.ids.get(comment.id)!,
      threadId,
      authorId: authors.get(comment.id)!,
      parentId,
      seq: planned.lastCommentSeq,
      body: deleted ? "" : bodies.get(comment.id)!,
      editedAt: deleted ? null : date(record.edited_at),
      deletedAt: deleted ? comment.deleted : null,
      createdAt: comment.createdAt,
    });
    planned.lastCommentAt = comment.createdAt;
    draft.create(deleted ? "deletedComments" : "comments");
    draft.map(comment.row, planned.ids.get(comment.id)!);
  }
  return planned;
}

/** Writes top-level comments before replies, which refer to them. */
export function writeComments(draft: Draft, planned: PlannedComments): void {
  const topLevel = planned.rows.filter((row) => row.parentId === null);
  const replies = planned.rows.filter((row) => row.parentId !== null);
  for (const rows of [topLevel, replies]) draft.writeMany(rows, (batch) => (db) => db.comment.createMany({ data: batch }));
}
