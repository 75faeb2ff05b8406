import type { InfiniteData } from "@tanstack/react-query";
import type { RouterOutputs } from "@/lib/trpc/client";

/**
 * The comments of an open thread live in one infinite query whose pages run in thread order
 * (earlier pages are prepended). Live events and our own mutations go through these pure
 * functions, so a comment arriving twice (from the response and from the socket) is applied once.
 */
export type CommentPage = RouterOutputs["comment"]["list"];
export type ThreadComment = CommentPage["items"][number];
export type CommentDto = ThreadComment["replies"][number];
export type CommentPageParam = { cursor?: string; direction: "after" | "before" };
export type CommentPages = InfiniteData<CommentPage, CommentPageParam>;

/**
 * A page parameter that loads the same comments again however the read position moves:
 * the first page was anchored at the first unread comment, which changes once it is read.
 */
export function stablePageParam(page: CommentPage): CommentPageParam {
  const first = page.items[0];
  return first ? { cursor: String(first.seq - 1), direction: "after" } : { direction: "after" };
}

/**
 * Socket events arrive as JSON, so their dates are ISO strings although the event types say
 * Date (tRPC's superjson revives them; socket.io does not).
 */
export function reviveComment(comment: CommentDto): CommentDto {
  return {
    ...comment,
    createdAt: new Date(comment.createdAt),
    editedAt: comment.editedAt === null ? null : new Date(comment.editedAt),
  };
}

function mapPages(data: CommentPages, change: (items: ThreadComment[]) => ThreadComment[]): CommentPages {
  return { ...data, pages: data.pages.map((page) => ({ ...page, items: change(page.items) })) };
}

function bySeq<T extends { seq: number }>(list: T[]): T[] {
  return [...list].sort((a, b) => a.seq - b.seq);
}

/**
 * Adds a new comment or replaces a changed one. A new top-level comment is shown only when the
 * newest page is loaded (otherwise "Load more" will bring it); a reply only under a loaded parent.
 */
export function upsertComment(data: CommentPages | undefined, comment: CommentDto): CommentPages | undefined {
  if (!data) return data;
  const parentId = comment.parentId;
  if (parentId) {
    return mapPages(data, (items) =>
      items.map((item) => {
        if (item.id !== parentId) return item;
        const known = item.replies.some(({ id }) => id === comment.id);
        const replies = known ? item.replies.map((reply) => (reply.id === comment.id ? comment : reply)) : bySeq([...item.replies, comment]);
        return { ...item, replies };
      }),
    );
  }
  const known = data.pages.some((page) => page.items.some(({ id }) => id === comment.id));
  if (known) {
    return mapPages(data, (items) => items.map((item) => (item.id === comment.id ? { ...comment, replies: item.replies } : item)));
  }
  const last = data.pages.at(-1);
  if (!last || last.afterCursor !== null) return data;
  const pages = [...data.pages.slice(0, -1), { ...last, items: bySeq([...last.items, { ...comment, replies: [] }]) }];
  return { ...data, pages };
}

export function setCommentReactions(data: CommentPages | undefined, commentId: string, reactions: CommentDto["reactions"]) {
  if (!data) return data;
  return mapPages(data, (items) =>
    items.map((item) => {
      if (item.id === commentId) return { ...item, reactions };
      if (!item.replies.some(({ id }) => id === commentId)) return item;
      return { ...item, replies: item.replies.map((reply) => (reply.id === commentId ? { ...reply, reactions } : reply)) };
    }),
  );
}

/** The first comment, in reading order, written after the viewer last read the thread. */
export function firstUnreadId(items: ThreadComment[], lastReadSeq: number): string | null {
  for (const item of items) {
    if (item.seq > lastReadSeq) return item.id;
    const reply = item.replies.find(({ seq }) => seq > lastReadSeq);
    if (reply) return reply.id;
  }
  return null;
}
