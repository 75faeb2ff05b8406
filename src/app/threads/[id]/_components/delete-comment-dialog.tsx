"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { upsertComment, type CommentDto, type CommentPages } from "@/components/threads/comment-cache";
import { commentsQueryKey } from "@/components/threads/comments-query";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { errorMessage } from "@/lib/trpc/error-message";
import { useTRPC } from "@/lib/trpc/client";

/** Asks before deleting: the words and their history go; replies stay under "Comment deleted". */
export function DeleteCommentDialog({ comment, isMine }: { comment: CommentDto; isMine: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const remove = useMutation(
    trpc.comment.delete.mutationOptions({
      onSuccess: (deleted) => {
        queryClient.setQueryData<CommentPages>(commentsQueryKey(comment.threadId), (data) => upsertComment(data, deleted));
        void queryClient.invalidateQueries({ queryKey: trpc.thread.byId.queryKey({ id: comment.threadId }) });
        setOpen(false);
      },
    }),
  );

  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      title="Delete this comment?"
      description={
        isMine
          ? "Your words and their earlier versions are removed for everyone. Replies stay, under “Comment deleted”."
          : `As an admin you are removing ${comment.author.name}'s words for everyone. Replies stay, under “Comment deleted”.`
      }
      trigger={
        <Button variant="ghost">
          Delete<span className="sr-only"> {isMine ? "your comment" : `${comment.author.name}'s comment`}</span>
        </Button>
      }
    >
      {remove.error && <Alert>{errorMessage(remove.error)}</Alert>}
      <div className="mt-4 flex flex-wrap gap-2">
        <Button onClick={() => remove.mutate({ id: comment.id })} disabled={remove.isPending}>
          {remove.isPending ? "Deleting…" : "Delete comment"}
        </Button>
        <Button variant="secondary" onClick={() => setOpen(false)}>
          Keep it
        </Button>
      </div>
    </Dialog>
  );
}
