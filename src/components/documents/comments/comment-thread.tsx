"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { ReplyForm } from "@/components/documents/reply-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { LocalTime } from "@/components/ui/local-time";
import { errorMessage } from "@/lib/trpc/error-message";
import { useTRPC, type RouterOutputs } from "@/lib/trpc/client";
import { MAX_DOC_COMMENT_LENGTH } from "@/server/doc-comments/schemas";

export type DocCommentThread = RouterOutputs["docComment"]["list"]["items"][number];

function Byline({ id, name, at }: { id?: string; name: string; at: Date }) {
  return (
    <p id={id} className="text-sm text-muted">
      <span className="font-semibold text-ink">{name}</span> · <LocalTime date={at} withTime />
    </p>
  );
}

/**
 * One comment thread: the text it is on (or a note that the text is gone), the comment, its
 * replies, and for people who may comment a reply box and Resolve / Reopen.
 */
export function CommentThread({
  thread,
  anchored,
  active,
  canComment,
  onShow,
}: {
  thread: DocCommentThread;
  /** Whether the commented text is still in the document; null while the document is loading. */
  anchored: boolean | null;
  active: boolean;
  canComment: boolean;
  onShow: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const headingId = useId();
  const [replying, setReplying] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.docComment.list.infiniteQueryKey({ documentId: thread.documentId }) });
  const sendReply = useMutation(
    trpc.docComment.create.mutationOptions({
      onSuccess: () => {
        setReplying(false);
        return refresh();
      },
    }),
  );
  const resolve = useMutation(trpc.docComment.resolve.mutationOptions({ onSuccess: refresh }));
  const resolved = thread.resolvedAt !== null;

  return (
    <article
      aria-labelledby={headingId}
      aria-current={active ? "true" : undefined}
      className={cn(
        "space-y-2 rounded-lg border bg-card p-3",
        active ? "border-ember-700 ring-2 ring-ember-600" : "border-line",
        resolved && "bg-paper",
      )}
    >
      <h3 id={headingId} className="sr-only">
        Comment by {thread.author.name}
      </h3>
      {anchored ? (
        <button
          type="button"
          onClick={onShow}
          className="block w-full rounded border-l-4 border-ember-600 bg-ember-50 px-3 py-1 text-left text-sm hover:bg-ember-100"
        >
          <span className="sr-only">Show in the document: </span>
          {thread.quote || "(the commented text)"}
        </button>
      ) : anchored === null ? (
        <blockquote className="rounded border-l-4 border-ember-600 bg-ember-50 px-3 py-1 text-sm">{thread.quote}</blockquote>
      ) : (
        <div className="rounded border-l-4 border-line px-3 py-1 text-sm">
          <p className="text-muted">The text this comment was on has been removed.</p>
          {thread.quote && <blockquote className="text-muted">“{thread.quote}”</blockquote>}
        </div>
      )}
      <Byline name={thread.author.name} at={thread.createdAt} />
      <p className="whitespace-pre-wrap break-words">{thread.body}</p>
      {thread.replies.length > 0 && (
        <ol aria-label={`Replies to ${thread.author.name}`} className="space-y-2 border-l-2 border-line pl-3">
          {thread.replies.map((answer) => (
            <li key={answer.id}>
              <Byline name={answer.author.name} at={answer.createdAt} />
              <p className="whitespace-pre-wrap break-words">{answer.body}</p>
            </li>
          ))}
        </ol>
      )}
      {resolved && thread.resolvedAt && (
        <p className="text-sm text-muted">
          Resolved{thread.resolvedBy ? ` by ${thread.resolvedBy.name}` : ""} · <LocalTime date={thread.resolvedAt} withTime />
        </p>
      )}
      {canComment && replying && !resolved && (
        <ReplyForm
          to={thread.author.name}
          maxLength={MAX_DOC_COMMENT_LENGTH}
          pending={sendReply.isPending}
          error={sendReply.error}
          onSend={(body) => sendReply.mutate({ documentId: thread.documentId, parentId: thread.id, body })}
          onCancel={() => setReplying(false)}
        />
      )}
      {resolve.error && <Alert>{errorMessage(resolve.error)}</Alert>}
      {canComment && (
        <div className="flex flex-wrap gap-2">
          {!resolved && !replying && (
            <Button variant="secondary" onClick={() => setReplying(true)}>
              Reply
            </Button>
          )}
          <Button
            variant="secondary"
            disabled={resolve.isPending}
            onClick={() => resolve.mutate({ id: thread.id, resolved: !resolved })}
          >
            {resolved ? "Reopen" : "Resolve"}
          </Button>
        </div>
      )}
    </article>
  );
}
