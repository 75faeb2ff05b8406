"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { DeletionButtons } from "@/components/threads/deletion-buttons";
import { rememberDeletion } from "@/components/threads/deletion-status";
import { lossSentence } from "@/components/threads/deletion-text";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { useTRPC, type RouterOutputs } from "@/lib/trpc/client";

type Poll = RouterOutputs["poll"]["byId"];

/**
 * Asks before deleting a poll, naming the votes that go with it; Cancel has focus first. Then
 * the group's page says what was deleted.
 */
export function DeletePollDialog({ poll }: { poll: Poll }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const remove = useMutation(
    trpc.poll.delete.mutationOptions({
      onSuccess: () => {
        rememberDeletion(`The poll “${poll.title}” was deleted.`);
        void queryClient.invalidateQueries(trpc.poll.list.pathFilter());
        router.push(`/groups/${poll.group.handle}`);
      },
    }),
  );

  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      title={`Delete “${poll.title}”?`}
      description={lossSentence([{ count: poll.voterCount, one: "vote", many: "votes" }])}
      trigger={
        <Button variant="secondary">
          <Trash2 aria-hidden="true" className="size-5" /> Delete poll
        </Button>
      }
    >
      <DeletionButtons
        label="Delete poll"
        pending={remove.isPending}
        error={remove.error}
        onDelete={() => remove.mutate({ pollId: poll.id })}
        onCancel={() => setOpen(false)}
      />
    </Dialog>
  );
}
