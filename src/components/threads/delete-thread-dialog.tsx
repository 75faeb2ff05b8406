"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { DeletionButtons } from "@/components/threads/deletion-buttons";
import { rememberDeletion } from "@/components/threads/deletion-status";
import { lossSentence } from "@/components/threads/deletion-text";
import { Dialog } from "@/components/ui/dialog";
import { useTRPC, type RouterOutputs } from "@/lib/trpc/client";

type ThreadDetail = RouterOutputs["thread"]["byId"];

/**
 * Asks an admin before deleting a thread, naming what goes with it (its comments, the polls
 * started in it, its attachments). Cancel has focus first, so Enter never deletes by accident.
 * Afterwards the group's page says what was deleted.
 */
export function DeleteThreadDialog({ thread, open, onOpenChange }: { thread: ThreadDetail; open: boolean; onOpenChange: (open: boolean) => void }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const { data: polls } = useQuery({ ...trpc.poll.list.queryOptions({ groupId: thread.group.id, threadId: thread.id }), enabled: open });
  const remove = useMutation(
    trpc.thread.delete.mutationOptions({
      onSuccess: () => {
        rememberDeletion(`“${thread.title}” was deleted.`);
        void queryClient.invalidateQueries(trpc.thread.list.pathFilter());
        void queryClient.invalidateQueries(trpc.poll.list.pathFilter());
        router.push(`/groups/${thread.group.handle}`);
      },
    }),
  );
  const description = lossSentence([
    { count: thread.commentCount, one: "comment", many: "comments" },
    { count: polls?.length ?? 0, one: "poll", many: "polls" },
    { count: thread.attachments.length, one: "attachment", many: "attachments" },
  ]);

  return (
    <Dialog open={open} onOpenChange={onOpenChange} title={`Delete “${thread.title}”?`} description={description}>
      <DeletionButtons
        label="Delete thread"
        pending={remove.isPending}
        error={remove.error}
        onDelete={() => remove.mutate({ threadId: thread.id })}
        onCancel={() => onOpenChange(false)}
      />
    </Dialog>
  );
}
