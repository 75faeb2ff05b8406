"use client";

import { useState } from "react";
import { CommentItem } from "@/app/threads/[id]/_components/comment-item";
import type { CommentDto, CommentPage } from "@/components/threads/comment-cache";
import { CommentComposer } from "@/components/threads/comment-composer";
import { useThreadComments } from "@/components/threads/comments-query";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { errorMessage } from "@/lib/trpc/error-message";
import type { RouterOutputs } from "@/lib/trpc/client";

type ThreadDetail = RouterOutputs["thread"]["byId"];

function NewDivider() {
  return (
    <div id="new-comments" className="flex scroll-mt-4 items-center gap-3 py-1 font-bold text-ember-700">
      <span aria-hidden="true" className="h-0.5 flex-1 bg-ember-600" />
      New
      <span aria-hidden="true" className="h-0.5 flex-1 bg-ember-600" />
    </div>
  );
}

/**
 * Top-level comments in order with their replies one level in, a page at a time in either
 * direction. "Reply" opens a composer under the conversation it belongs to.
 */
export function CommentList({
  thread,
  initialComments,
  firstUnreadId,
  linkedId = null,
  sentId,
  onSent,
}: {
  thread: ThreadDetail;
  initialComments: CommentPage;
  firstUnreadId: string | null;
  /** The comment a link opened the thread at: shown highlighted, scrolled to and focused. */
  linkedId?: string | null;
  /** The comment the viewer just sent, which takes focus once it shows. */
  sentId: string | null;
  onSent: (comment: CommentDto) => void;
}) {
  const comments = useThreadComments(thread.id, initialComments);
  const [replyingTo, setReplyingTo] = useState<string | null>(null);
  const items = comments.data.pages.flatMap((page) => page.items);
  const canComment = thread.viewer.canComment;

  return (
    <section aria-labelledby="comments-heading" className="flex flex-col gap-4">
      <h2 id="comments-heading" className="text-2xl font-bold">
        Comments <span className="text-muted">({thread.commentCount})</span>
      </h2>
      {comments.hasPreviousPage && (
        <Button variant="secondary" onClick={() => void comments.fetchPreviousPage()} disabled={comments.isFetchingPreviousPage}>
          {comments.isFetchingPreviousPage ? "Loading…" : "Load earlier comments"}
        </Button>
      )}
      {items.length === 0 && <p className="text-muted">No comments yet.</p>}
      <ol className="flex flex-col gap-4">
        {items.map((item) => (
          <li key={item.id} className="flex flex-col gap-3">
            {item.id === firstUnreadId && <NewDivider />}
            <CommentItem
              comment={item}
              thread={thread}
              onReply={canComment ? () => setReplyingTo(item.id) : undefined}
              autoFocus={item.id === sentId}
              linked={item.id === linkedId}
            />
            {(item.replies.length > 0 || replyingTo === item.id) && (
              <ol aria-label={`Replies to ${item.deleted ? "a deleted comment" : item.author.name}`} className="ml-4 flex flex-col gap-3 border-l-2 border-line pl-3 sm:ml-8 sm:pl-4">
                {item.replies.map((reply) => (
                  <li key={reply.id} className="flex flex-col gap-3">
                    {reply.id === firstUnreadId && <NewDivider />}
                    <CommentItem
                      comment={reply}
                      thread={thread}
                      onReply={canComment ? () => setReplyingTo(item.id) : undefined}
                      autoFocus={reply.id === sentId}
                      linked={reply.id === linkedId}
                    />
                  </li>
                ))}
                {replyingTo === item.id && canComment && (
                  <li className="rounded-xl border border-line bg-card p-4">
                    <CommentComposer
                      threadId={thread.id}
                      parentId={item.id}
                      label={item.deleted ? "Your reply" : `Reply to ${item.author.name}`}
                      submitLabel="Send reply"
                      autoFocus
                      onSent={(comment) => {
                        setReplyingTo(null);
                        onSent(comment);
                      }}
                      onCancel={() => setReplyingTo(null)}
                    />
                  </li>
                )}
              </ol>
            )}
          </li>
        ))}
      </ol>
      {comments.hasNextPage && (
        <Button variant="secondary" onClick={() => void comments.fetchNextPage()} disabled={comments.isFetchingNextPage}>
          {comments.isFetchingNextPage ? "Loading…" : "Load more comments"}
        </Button>
      )}
      {comments.error && <Alert>{errorMessage(comments.error)}</Alert>}
    </section>
  );
}
