import { Draft, newId, type Run } from "@/server/imports/loomio/draft";
import { planComments, writeComments, type PlannedComments } from "@/server/imports/loomio/comments";
import { date, fitted, flag, hearthEmoji, idOf, markdown, renderProblem, text, threadTags } from "@/server/imports/loomio/fields";
import { importPoll } from "@/server/imports/loomio/polls";
import type { StagedRow } from "@/server/imports/loomio/staging";
import { UnitRows } from "@/server/imports/loomio/unit";

type Thread = { id: string; groupId: string; lastCommentSeq: number; commentCount: number; lastActivityAt: Date; isNew: boolean };

/**
 * Every discussion with everything in it (comments, reactions, readers, polls, votes, outcomes,
 * attachments), each thread in one transaction, so a thread is never half-imported and the
 * server can go on answering between them.
 */
export async function importThreads(run: Run): Promise<void> {
  for (const page of run.staging.pages("discussions", 100)) {
    for (const row of page) await importThread(run, row);
  }
}

/** Polls that belong to no discussion, one transaction each. */
export async function importStandalonePolls(run: Run): Promise<void> {
  for (const page of run.staging.pages("polls", 100)) {
    for (const row of page) {
      if (row.unit !== `p:${row.id}`) continue;
      const unit = new UnitRows(run.staging.unitRows(row.unit));
      const draft = new Draft(run);
      const groupId = run.staging.target("groups", unit.record(row).group_id);
      if (!groupId) skipUnit(draft, unit, row, `its group (id ${idOf(unit.record(row).group_id) ?? "none"}) was not imported`, "its poll was not imported");
      else {
        const pollId = await importPoll(draft, unit, row, { groupId, threadId: null });
        await importReactions(draft, unit, null, null);
        importAttachments(draft, unit, null, null, new Map(pollId ? [[row.id, pollId]] : []));
      }
      await draft.commit(row);
    }
  }
}

function skipUnit(draft: Draft, unit: UnitRows, head: StagedRow, reason: string, childReason: string): void {
  for (const row of unit.all) {
    if (row.seq === head.seq) draft.skip(row, reason);
    else if (row.tbl === "stance_choices") draft.done(row);
    else draft.skip(row, childReason);
  }
}

async function importThread(run: Run, row: StagedRow): Promise<void> {
  const unit = new UnitRows(run.staging.unitRows(`d:${row.id}`));
  const draft = new Draft(run);
  const record = unit.record(row);
  const groupId = run.staging.target("groups", record.group_id);
  const existing = row.target
    ? await run.db.thread.findUnique({ where: { id: row.target }, select: { id: true, groupId: true, lastCommentSeq: true, commentCount: true, lastActivityAt: true } })
    : null;
  if (record.discarded_at) skipUnit(draft, unit, row, "deleted in Loomio", "its discussion was deleted in Loomio");
  else if (!groupId) skipUnit(draft, unit, row, `its group (id ${idOf(record.group_id) ?? "none"}) was not imported`, "its discussion was not imported");
  else if (row.target && !existing) skipUnit(draft, unit, row, "the thread an earlier import made has since been deleted in Hearth", "its thread was deleted in Hearth");
  else {
    const thread: Thread = existing ? { ...existing, isNew: false } : { id: newId(), groupId, lastCommentSeq: 0, commentCount: 0, lastActivityAt: new Date(0), isNew: true };
    await planThread(draft, unit, row, thread);
  }
  await draft.commit(row);
}

async function planThread(draft: Draft, unit: UnitRows, row: StagedRow, thread: Thread): Promise<void> {
  const { run } = draft;
  const record = unit.record(row);
  const comments = planComments(draft, unit, thread.id, thread);
  const lastActivityAt = maxDate(thread.isNew ? date(record.last_activity_at) : thread.lastActivityAt, comments.lastCommentAt, date(record.created_at)) ?? new Date();
  if (thread.isNew) {
    let authorId = run.staging.target("users", record.author_id);
    if (!authorId) {
      draft.warn(`Line ${row.line}: the author of discussion ${row.id} (user ${idOf(record.author_id) ?? "unknown"}) was not imported, so it is shown as started by the importing admin.`);
      authorId = run.adminUserId;
    }
    const body = markdown(record.description, record.description_format);
    const problem = renderProblem(body);
    if (problem) draft.warn(`Line ${row.line}: the text of discussion ${row.id} is shown as plain text, as ${problem}.`);
    const { tags, dropped } = threadTags(record.tags);
    if (dropped.length) draft.warn(`Line ${row.line}: tags left out of discussion ${row.id} (Hearth takes up to 10, of letters, digits, - and _): ${dropped.join(", ")}.`);
    const data = {
      id: thread.id,
      groupId: thread.groupId,
      authorId,
      title: fitted(text(record.title) || "Untitled discussion", 200, `Line ${row.line}: the title of discussion ${row.id}`, (message) => draft.warn(message)),
      body,
      pinnedAt: date(record.pinned_at),
      closedAt: date(record.closed_at),
      lastCommentSeq: comments.lastCommentSeq,
      commentCount: comments.commentCount,
      lastActivityAt,
      ...(date(record.created_at) && { createdAt: date(record.created_at)! }),
      tags: { create: tags.map((tag) => ({ tag })) },
    };
    draft.write((db) => db.thread.create({ data, select: { id: true } }));
    draft.create("threads");
    if (tags.length) draft.create("tags", tags.length);
    draft.map(row, thread.id);
  } else {
    draft.match("threads");
    draft.done(row);
  }
  writeComments(draft, comments);
  if (!thread.isNew && comments.rows.length) {
    const counters = { lastCommentSeq: comments.lastCommentSeq, lastActivityAt, commentCount: { increment: comments.commentCount - thread.commentCount } };
    draft.write((db) => db.thread.update({ where: { id: thread.id }, data: counters, select: { id: true } }));
  }
  await importReactions(draft, unit, thread, comments);
  await importReaders(draft, unit, thread, comments);
  const polls = new Map<string, string>();
  for (const poll of unit.table("polls")) {
    const pollId = await importPoll(draft, unit, poll, { groupId: thread.groupId, threadId: thread.id });
    if (pollId) polls.set(poll.id, pollId);
  }
  importAttachments(draft, unit, thread, comments, polls);
}

function maxDate(...dates: (Date | null)[]): Date | null {
  return dates.reduce<Date | null>((latest, one) => (one && (!latest || one > latest) ? one : latest), null);
}

/** Reactions on the thread and its comments; Hearth has none on polls, votes or outcomes. */
async function importReactions(draft: Draft, unit: UnitRows, thread: Thread | null, comments: PlannedComments | null): Promise<void> {
  const rows = unit.table("reactions");
  if (rows.length === 0) return;
  const subjects = thread ? [thread.id, ...(comments?.ids.values() ?? [])] : [];
  // Reactions Hearth already has on these (an earlier import, or people since): one of each per person.
  const taken = new Set(
    thread && !thread.isNew
      ? (await draft.run.db.reaction.findMany({ where: { subjectId: { in: subjects } }, select: { subject: true, subjectId: true, userId: true, emoji: true } })).map(
          (one) => `${one.subject} ${one.subjectId} ${one.userId} ${one.emoji}`,
        )
      : [],
  );
  const seen = new Set<string>();
  const creating: { id: string; subject: string; subjectId: string; userId: string; emoji: string; createdAt?: Date }[] = [];
  for (const row of rows) {
    const record = unit.record(row);
    const type = String(record.reactable_type);
    const reactableId = idOf(record.reactable_id) ?? "";
    const subject = type === "Discussion" ? "thread" : type === "Comment" ? "comment" : null;
    const subjectId = subject === "thread" ? thread?.id : subject === "comment" ? comments?.ids.get(reactableId) : undefined;
    const userId = draft.run.staging.target("users", record.user_id);
    const emoji = hearthEmoji(record.reaction);
    const key = `${subject} ${subjectId} ${userId} ${emoji}`;
    if (row.target) {
      // One of a person's reactions that map to the same emoji came in before: the others stay out.
      seen.add(key);
      draft.match("reactions");
      draft.done(row);
    } else if (!subject) draft.skip(row, `a reaction on a ${type.toLowerCase()}: Hearth has reactions on threads and comments only`);
    else if (!subjectId) draft.skip(row, `the ${type.toLowerCase()} it is on was not imported`);
    else if (comments?.deleted.has(reactableId)) draft.skip(row, "its comment was deleted in Loomio");
    else if (!userId) draft.skip(row, `the person (user ${idOf(record.user_id) ?? "unknown"}) was not imported`);
    else if (!emoji) draft.skip(row, `Hearth offers no emoji like “${text(record.reaction)}”`);
    else if (seen.has(key)) draft.skip(row, `the same person's ${emoji} is already on it (from another reaction of the file)`);
    else if (taken.has(key)) {
      draft.match("reactions");
      draft.map(row, subjectId);
    } else {
      seen.add(key);
      const id = newId();
      creating.push({ id, subject, subjectId, userId, emoji, ...(date(record.created_at) && { createdAt: date(record.created_at)! }) });
      draft.create("reactions");
      draft.map(row, id);
    }
  }
  draft.writeMany(creating, (batch) => (db) => db.reaction.createMany({ data: batch }));
}

/**
 * Readers: a guest invited to the thread becomes a guest of the group (unless they belong to it)
 * and of the thread; others keep how far they had read.
 */
async function importReaders(draft: Draft, unit: UnitRows, thread: Thread, comments: PlannedComments): Promise<void> {
  const { staging, db } = draft.run;
  let neverOpened = 0;
  const guests: { threadId: string; userId: string; createdAt?: Date }[] = [];
  const reads: { threadId: string; userId: string; lastReadSeq: number }[] = [];
  for (const row of unit.table("discussion_readers")) {
    const record = unit.record(row);
    if (draft.importedBefore(row, flag(record.guest) ? "threadGuests" : "threadReads")) continue;
    const userId = staging.target("users", record.user_id);
    const lastReadAt = date(record.last_read_at);
    if (!userId) draft.skip(row, `the person (user ${idOf(record.user_id) ?? "unknown"}) was not imported`);
    else if (flag(record.guest) && record.revoked_at) draft.skip(row, "their invitation to the thread was withdrawn in Loomio");
    else if (flag(record.guest) && staging.isDeactivated(record.user_id)) draft.skip(row, "the guest's Loomio account was deactivated");
    else if (flag(record.guest)) {
      if (!draft.membership(userId, thread.groupId)) {
        const id = newId();
        draft.write((tx) => tx.membership.create({ data: { id, userId, groupId: thread.groupId, role: "guest" }, select: { id: true } }));
        draft.setMembership(userId, thread.groupId, { id, role: "guest" });
        draft.create("memberships");
      }
      const known = !thread.isNew && (await db.threadGuest.findUnique({ where: { threadId_userId: { threadId: thread.id, userId } }, select: { userId: true } }));
      if (known) draft.match("threadGuests");
      else {
        guests.push({ threadId: thread.id, userId, ...(date(record.created_at) && { createdAt: date(record.created_at)! }) });
        draft.create("threadGuests");
      }
      draft.map(row, thread.id);
    } else if (!lastReadAt) {
      neverOpened += 1;
      draft.done(row);
    } else {
      const known = !thread.isNew && (await db.threadRead.findUnique({ where: { userId_threadId: { userId, threadId: thread.id } }, select: { userId: true } }));
      if (known) draft.match("threadReads");
      else {
        const readNew = comments.rows.filter((comment) => comment.createdAt <= lastReadAt).reduce((seq, comment) => Math.max(seq, comment.seq), 0);
        const readBefore = thread.isNew
          ? 0
          : ((await db.comment.findFirst({ where: { threadId: thread.id, createdAt: { lte: lastReadAt } }, orderBy: { seq: "desc" }, select: { seq: true } }))?.seq ?? 0);
        reads.push({ userId, threadId: thread.id, lastReadSeq: Math.max(readNew, readBefore) });
        draft.create("threadReads");
      }
      draft.map(row, thread.id);
    }
  }
  draft.writeMany(guests, (batch) => (tx) => tx.threadGuest.createMany({ data: batch }));
  draft.writeMany(reads, (batch) => (tx) => tx.threadRead.createMany({ data: batch }));
  if (neverOpened) draft.note("readersWhoNeverOpened", neverOpened);
}

/**
 * Loomio's export has the names and links of attached files, not the files: each becomes a
 * "not migrated" entry on its thread that an admin can replace by uploading the file.
 */
function importAttachments(draft: Draft, unit: UnitRows, thread: Thread | null, comments: PlannedComments | null, polls: Map<string, string>): void {
  const creating: { id: string; threadId: string; commentId: string | null; filename: string; contentType: string; sourceUrl: string; createdAt?: Date }[] = [];
  for (const row of [...unit.table("attachments"), ...unit.table("documents")]) {
    if (draft.importedBefore(row, "attachments")) continue;
    const record = unit.record(row);
    const type = text(record.record_type ?? record.model_type);
    const ownerId = idOf(record.record_id ?? record.model_id) ?? "";
    const commentId = type === "Comment" ? comments?.ids.get(ownerId) : undefined;
    const onPoll = type === "Poll" && polls.has(ownerId);
    if (!thread) draft.skip(row, "attached to a poll outside any thread: Hearth keeps attachment notes on threads");
    else if (type === "Comment" && (!commentId || comments?.deleted.has(ownerId))) draft.skip(row, "the comment it was attached to was not imported");
    else if (type !== "Discussion" && type !== "Comment" && !onPoll) draft.skip(row, `attached to a ${type.toLowerCase() || "record"} Hearth did not import`);
    else {
      const id = newId();
      const filename = text(record.filename ?? record.file_file_name ?? record.title).trim() || "attachment";
      const contentType = text(record.content_type ?? record.file_content_type);
      creating.push({ id, threadId: thread.id, commentId: commentId ?? null, filename, contentType, sourceUrl: text(record.url), ...(date(record.created_at) && { createdAt: date(record.created_at)! }) });
      draft.create("attachments");
      draft.map(row, id);
    }
  }
  draft.writeMany(creating, (batch) => (db) => db.missingAttachment.createMany({ data: batch }));
}
