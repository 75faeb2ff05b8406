"use client";

import { useMutation } from "@tanstack/react-query";
import type { FormEvent } from "react";
import type { AmendmentItem } from "@/components/documents/amendments/use-amendments";
import { ClosingTimeField, useClosingTime } from "@/components/polls/closing-time-field";
import { Alert } from "@/components/ui/alert";
import { FormButtons } from "@/components/ui/form-buttons";
import { errorMessage, fieldErrors } from "@/lib/trpc/error-message";
import { useTRPC } from "@/lib/trpc/client";

const listed = (numbers: number[]) => (numbers.length > 1 ? `${numbers.slice(0, -1).join(", ")} and ${numbers.at(-1)}` : String(numbers[0]));

/**
 * Puts an amendment and its open alternatives to one ranked vote (Schulze) with "Keep the text as
 * it is": the amendment's own vote closes without an outcome, and the winner is made in the text.
 */
export function DecideTogetherForm({
  original,
  alternatives,
  onDone,
  onCancel,
}: {
  original: AmendmentItem;
  alternatives: AmendmentItem[];
  onDone: () => void;
  onCancel: () => void;
}) {
  const trpc = useTRPC();
  const closing = useClosingTime();
  const decide = useMutation(trpc.amendment.decideTogether.mutationOptions({ onSuccess: onDone }));
  const fields = fieldErrors(decide.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    const closingAt = closing.read();
    if (closingAt) decide.mutate({ amendmentIds: [original.id, ...alternatives.map(({ id }) => id)], closingAt });
  }

  return (
    <form onSubmit={submit} className="space-y-3 rounded-lg border border-line bg-card p-3" aria-label={`Decide Amendment ${original.number} and its alternatives together`}>
      <p className="text-sm">
        Amendments {listed([original.number, ...alternatives.map(({ number }) => number)])} and “Keep the text as it is” are ranked in one vote; the
        winner is made in the text when it closes.
        {original.poll && ` Amendment ${original.number}'s own vote closes now, without an outcome.`}
      </p>
      <ClosingTimeField closing={closing} label="Ranked vote closes" error={fields?.closingAt?.[0]} />
      {decide.error && !fields && <Alert>{errorMessage(decide.error)}</Alert>}
      <FormButtons label="Start the ranked vote" pendingLabel="Starting the vote…" pending={decide.isPending} onCancel={onCancel} />
    </form>
  );
}
