"use client";

import { useMutation } from "@tanstack/react-query";
import { Vote } from "lucide-react";
import { useRouter } from "next/navigation";
import { ClosingTimeField, useClosingTime } from "@/components/polls/closing-time-field";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { errorMessage } from "@/lib/trpc/error-message";
import { useTRPC } from "@/lib/trpc/client";

/** Starts a proposal to adopt a named version, then opens it. */
export function ProposeAdoptionDialog({ documentId, version }: { documentId: string; version: { id: string; label: string } }) {
  const trpc = useTRPC();
  const router = useRouter();
  const closing = useClosingTime();
  const propose = useMutation(
    trpc.document.proposeAdoption.mutationOptions({ onSuccess: ({ pollId }) => router.push(`/polls/${pollId}`) }),
  );
  return (
    <Dialog
      onOpenChange={(open) => {
        if (open) {
          closing.reset();
          propose.reset();
        }
      }}
      title="Propose adopting this version"
      description={`Starts a proposal in the group to adopt “${version.label}” as the agreed text. If its outcome records “Agree”, this version becomes the adopted one.`}
      trigger={
        <Button>
          <Vote aria-hidden="true" className="size-4" />
          Propose adopting this version
        </Button>
      }
    >
      <form
        className="flex flex-col gap-4"
        onSubmit={(event) => {
          event.preventDefault();
          const closingAt = closing.read();
          if (closingAt) propose.mutate({ id: documentId, versionId: version.id, closingAt });
        }}
      >
        <ClosingTimeField closing={closing} label="Voting closes" />
        {propose.error ? <Alert>{errorMessage(propose.error)}</Alert> : null}
        <div className="flex justify-end">
          <Button type="submit" disabled={propose.isPending || propose.isSuccess}>
            {propose.isPending || propose.isSuccess ? "Starting…" : "Start the proposal"}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
