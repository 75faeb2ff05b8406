"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { ClosedNotice } from "@/app/threads/[id]/_components/closed-notice";
import { CommentList } from "@/app/threads/[id]/_components/comment-list";
import { PresenceLine } from "@/app/threads/[id]/_components/presence-line";
import { SeenBy } from "@/app/threads/[id]/_components/seen-by";
import { ThreadHeader } from "@/app/threads/[id]/_components/thread-header";
import { ThreadInitiatives } from "@/components/initiatives/thread-initiatives";
import { ThreadPolls } from "@/components/polls/thread-polls";
import { TaskList } from "@/components/tasks/task-list";
import { CommentComposer } from "@/components/threads/comment-composer";
import { firstUnreadId, type CommentPage } from "@/components/threads/comment-cache";
import { ThreadDeletedNotice } from "@/components/threads/thread-deleted-notice";
import { useThreadDeleted } from "@/components/threads/use-thread-deleted";
import { useIsClient } from "@/components/threads/use-is-client";
import { Alert } from "@/components/ui/alert";
import { useThreadRoom } from "@/lib/realtime/use-thread-room";
import { errorMessage } from "@/lib/trpc/error-message";
import { useTRPC, useTRPCClient, type RouterOutputs } from "@/lib/trpc/client";

type ThreadDetail = RouterOutputs["thread"]["byId"];

const containsComment = (items: CommentPage["items"], id: string) =>
  items.some((item) => item.id === id || item.replies.some((reply) => reply.id === id));

/**
 * An open thread, kept live: the thread room feeds comments, reactions and presence into the
 * cache. Opening it marks it read; the "New" divider stays where the unread comments began.
 * A link to one comment (`linkedCommentId`, from search) opens it at that comment, highlighted.
 */
export function ThreadView({
  initialThread,
  initialComments,
  linkedCommentId = null,
}: {
  initialThread: ThreadDetail;
  initialComments: CommentPage;
  linkedCommentId?: string | null;
}) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const isClient = useIsClient();
  const id = initialThread.id;
  const { data: thread = initialThread, error } = useQuery({ ...trpc.thread.byId.queryOptions({ id }), initialData: initialThread });
  const { viewers, typing, revoked } = useThreadRoom(id, thread.viewer.id);
  const deleted = useThreadDeleted(id);
  const [firstUnread] = useState(() => firstUnreadId(initialComments.items, initialThread.lastReadSeq));
  const [linked] = useState(() => (linkedCommentId && containsComment(initialComments.items, linkedCommentId) ? linkedCommentId : null));
  const [scrollToUnread] = useState(() => initialThread.lastReadSeq > 0 && firstUnread !== null && linked === null);
  const [sentId, setSentId] = useState<string | null>(null);
  const focusSent = ({ id: commentId }: { id: string }) => {
    setSentId(commentId);
    // Sending moves the sender to the end and everyone else back out of "seen".
    void queryClient.invalidateQueries(trpc.thread.seenBy.queryFilter({ threadId: id }));
  };

  // "Seen by" is asked once this visit's read is stored: asked at the same time, it could count
  // the reader out, and an invalidation cannot refetch a first fetch still on its way.
  const [readStored, setReadStored] = useState(false);
  useEffect(() => {
    void client.thread.markRead
      .mutate({ id })
      .then(() => queryClient.invalidateQueries(trpc.thread.list.pathFilter()))
      .catch(() => undefined)
      .finally(() => setReadStored(true));
  }, [client, id, queryClient, trpc]);

  useEffect(() => {
    // A link to a comment wins; otherwise returning readers land where they left off.
    if (scrollToUnread && !window.location.hash) document.getElementById("new-comments")?.scrollIntoView({ block: "start" });
  }, [scrollToUnread]);

  if (deleted) return <ThreadDeletedNotice group={thread.group} />;
  return (
    <div className="flex flex-col gap-8">
      {revoked ? <Alert>{revoked}</Alert> : error && <Alert>{errorMessage(error)}</Alert>}
      <ThreadHeader thread={thread} />
      <ThreadInitiatives threadId={thread.id} groupId={thread.group.id} enabled={thread.viewer.role !== "guest"} />
      <ThreadPolls groupId={thread.group.id} threadId={thread.id} canStart={thread.viewer.canStartPoll} />
      <TaskList scope={{ threadId: thread.id }} canAdd={thread.viewer.role !== "guest"} />
      <PresenceLine viewers={viewers} typing={typing} viewerId={thread.viewer.id} />
      <CommentList
        thread={thread}
        initialComments={initialComments}
        firstUnreadId={firstUnread}
        linkedId={linked}
        sentId={sentId}
        onSent={focusSent}
      />
      <SeenBy threadId={id} enabled={readStored} />
      <section aria-label="Your comment" className="rounded-xl border border-line bg-card p-5 shadow-sm">
        {!thread.viewer.canComment ? (
          <ClosedNotice thread={thread} />
        ) : isClient ? (
          <CommentComposer threadId={id} label="Add a comment" submitLabel="Send comment" onSent={focusSent} />
        ) : (
          <p className="text-muted">Loading the comment box…</p>
        )}
      </section>
    </div>
  );
}
