"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { upsertComment, type CommentDto, type CommentPages } from "@/components/threads/comment-cache";
import { commentsQueryKey } from "@/components/threads/comments-query";
import { MarkdownEditor } from "@/components/threads/markdown-editor";
import { FormButtons } from "@/components/ui/form-buttons";
import { errorMessage, fieldErrors } from "@/lib/trpc/error-message";
import { useTRPC } from "@/lib/trpc/client";

/** Edits one's own comment in place; the old text goes into its history. */
export function CommentEditForm({ comment, onDone }: { comment: CommentDto; onDone: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [body, setBody] = useState(comment.body);
  const update = useMutation(
    trpc.comment.update.mutationOptions({
      onSuccess: (updated) => {
        queryClient.setQueryData<CommentPages>(commentsQueryKey(comment.threadId), (data) => upsertComment(data, updated));
        onDone();
      },
    }),
  );

  return (
    <form
      className="flex flex-col gap-3"
      onSubmit={(event) => {
        event.preventDefault();
        update.mutate({ id: comment.id, body });
      }}
    >
      <MarkdownEditor
        label="Edit your comment"
        value={body}
        onChange={setBody}
        threadId={comment.threadId}
        onSubmitShortcut={() => update.mutate({ id: comment.id, body })}
        error={update.error ? (fieldErrors(update.error)?.body?.[0] ?? errorMessage(update.error)) : null}
        autoFocus
      />
      <FormButtons label="Save comment" pending={update.isPending} onCancel={onDone} />
    </form>
  );
}
