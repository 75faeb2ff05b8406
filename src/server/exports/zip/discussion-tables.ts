import { pagedById } from "@/server/exports/streams";
import { csvFile } from "@/server/exports/zip/csv";
import { groupHandle, person } from "@/server/exports/zip/selects";

export const threadsCsv = csvFile(
  "threads.csv",
  (db, { groupIds }) =>
    pagedById({ groupId: { in: groupIds } }, (page) =>
      db.thread.findMany({
        ...page,
        select: {
          id: true,
          group: groupHandle,
          title: true,
          author: person,
          createdAt: true,
          editedAt: true,
          pinnedAt: true,
          closedAt: true,
          lastActivityAt: true,
          commentCount: true,
          tags: { select: { tag: true }, orderBy: { tag: "asc" } },
          body: true,
        },
      }),
    ),
  [
    ["group", (t) => t.group.handle],
    ["thread_id", (t) => t.id],
    ["title", (t) => t.title],
    ["author_id", (t) => t.author.id],
    ["author", (t) => t.author.name],
    ["created_at", (t) => t.createdAt],
    ["edited_at", (t) => t.editedAt],
    ["pinned_at", (t) => t.pinnedAt],
    ["closed_at", (t) => t.closedAt],
    ["last_activity_at", (t) => t.lastActivityAt],
    ["comments", (t) => t.commentCount],
    ["tags", (t) => t.tags.map(({ tag }) => tag).join("; ")],
    ["body", (t) => t.body],
  ],
);

/** Deleted comments keep their row (replies point at them) without their text, as the thread shows them. */
export const commentsCsv = csvFile(
  "comments.csv",
  (db, { groupIds }) =>
    pagedById({ thread: { groupId: { in: groupIds } } }, (page) =>
      db.comment.findMany({
        ...page,
        select: {
          id: true,
          thread: { select: { id: true, title: true, group: groupHandle } },
          seq: true,
          parentId: true,
          author: person,
          createdAt: true,
          editedAt: true,
          deletedAt: true,
          body: true,
        },
      }),
    ),
  [
    ["group", (c) => c.thread.group.handle],
    ["thread_id", (c) => c.thread.id],
    ["thread_title", (c) => c.thread.title],
    ["comment_id", (c) => c.id],
    ["number", (c) => c.seq],
    ["reply_to", (c) => c.parentId],
    ["author_id", (c) => c.author.id],
    ["author", (c) => c.author.name],
    ["created_at", (c) => c.createdAt],
    ["edited_at", (c) => c.editedAt],
    ["deleted_at", (c) => c.deletedAt],
    ["body", (c) => (c.deletedAt ? "" : c.body)],
  ],
);
