"use client";

import { useMutation } from "@tanstack/react-query";
import { Vote } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { defaultClosingTime, fromLocalInputValue, toLocalInputValue } from "@/components/polls/time-zone";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/text-field";
import { errorMessage } from "@/lib/trpc/error-message";
import { useTRPC } from "@/lib/trpc/client";

/** Starts a proposal to adopt a named version, then opens it. */
export function ProposeAdoptionDialog({ documentId, version }: { documentId: string; version: { id: string; label: string } }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [closing, setClosing] = useState("");
  const [missing, setMissing] = useState(false);
  const propose = useMutation(
    trpc.document.proposeAdoption.mutationOptions({ onSuccess: ({ pollId }) => router.push(`/polls/${pollId}`) }),
  );
  return (
    <Dialog
      onOpenChange={(open) => {
        if (open) {
          setClosing(toLocalInputValue(defaultClosingTime(new Date())));
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
          const closingAt = fromLocalInputValue(closing);
          setMissing(!closingAt);
          if (closingAt) propose.mutate({ id: documentId, versionId: version.id, closingAt });
        }}
      >
        <TextField
          label="Voting closes"
          type="datetime-local"
          value={closing}
          onChange={(event) => setClosing(event.target.value)}
          error={missing ? "Choose a date and time." : null}
          required
        />
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
