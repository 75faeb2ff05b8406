"use client";

import { useInfiniteQuery, type QueryClient } from "@tanstack/react-query";
import {
  setCommentReactions,
  stablePageParam,
  type CommentPage,
  type CommentPageParam,
  type CommentPages,
  type CommentDto,
} from "@/components/threads/comment-cache";
import { useTRPCClient, type RouterOutputs } from "@/lib/trpc/client";

type ThreadDetail = RouterOutputs["thread"]["byId"];
type Reactions = CommentDto["reactions"];

/**
 * Not tRPC's infinite query: comment.list pages in two directions with its own `direction`
 * values, which tRPC's infinite helpers would overwrite.
 */
export function commentsQueryKey(threadId: string) {
  return ["thread-comments", threadId] as const;
}

/**
 * The open thread's comments, starting from the server-rendered page. They are never refetched
 * on their own: live events keep them current, and a reconnect invalidates them. The cache is
 * dropped on leaving, so coming back starts from a fresh server render.
 */
export function useThreadComments(threadId: string, initialPage: CommentPage) {
  const client = useTRPCClient();
  const initialPageParam = stablePageParam(initialPage);
  return useInfiniteQuery({
    queryKey: commentsQueryKey(threadId),
    queryFn: ({ pageParam }) => client.comment.list.query({ threadId, ...pageParam }),
    initialPageParam,
    initialData: { pages: [initialPage], pageParams: [initialPageParam] },
    getNextPageParam: (last): CommentPageParam | undefined =>
      last.afterCursor ? { cursor: last.afterCursor, direction: "after" } : undefined,
    getPreviousPageParam: (first): CommentPageParam | undefined =>
      first.beforeCursor ? { cursor: first.beforeCursor, direction: "before" } : undefined,
    staleTime: Infinity,
    gcTime: 0,
  });
}

/** Puts new reaction totals wherever the thread page shows them. */
export function applyReactions(
  queryClient: QueryClient,
  threadKey: readonly unknown[],
  change: { threadId: string; subject: "thread" | "comment"; subjectId: string; reactions: Reactions },
): void {
  if (change.subject === "thread") {
    queryClient.setQueryData<ThreadDetail>(threadKey, (thread) => thread && { ...thread, reactions: change.reactions });
    return;
  }
  queryClient.setQueryData<CommentPages>(commentsQueryKey(change.threadId), (data) =>
    setCommentReactions(data, change.subjectId, change.reactions),
  );
}
