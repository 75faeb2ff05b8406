"use client";

import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { ClosingTimeField, useClosingTime } from "@/components/polls/closing-time-field";
import { Alert } from "@/components/ui/alert";
import { FormButtons } from "@/components/ui/form-buttons";
import { TextareaField } from "@/components/ui/textarea-field";
import { errorMessage, fieldErrors } from "@/lib/trpc/error-message";
import { useTRPC } from "@/lib/trpc/client";
import { MAX_AMENDMENT_TEXT_LENGTH } from "@/server/amendments/schemas";

/**
 * What is put to the vote: a passage with a rewrite, suggestions already in the text, or another
 * rewrite of an open amendment's passage (an alternative, decided later in one ranked vote with it).
 */
export type AmendmentSubject =
  | { range: { from: number; to: number; quote: string } }
  | { suggestionIds: string[] }
  | { competesWith: { id: string; number: number; passage: string } };

/**
 * Puts a change to the group's vote: the proposed text (for a passage) and when the vote closes.
 * The proposal starts at once; the page then shows it as "Amendment N — vote open until …".
 */
export function ProposeAmendmentForm({
  documentId,
  subject,
  onDone,
  onCancel,
}: {
  documentId: string;
  subject: AmendmentSubject;
  onDone: () => void;
  onCancel: () => void;
}) {
  const trpc = useTRPC();
  const alternativeTo = "competesWith" in subject ? subject.competesWith : null;
  const passage = "range" in subject ? subject.range.quote : alternativeTo?.passage;
  const [text, setText] = useState(passage ?? "");
  const closing = useClosingTime();
  const create = useMutation(trpc.amendment.create.mutationOptions({ onSuccess: onDone }));
  const fields = fieldErrors(create.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (alternativeTo) {
      create.mutate({ documentId, competesWith: alternativeTo.id, text });
      return;
    }
    const closingAt = closing.read();
    if (!closingAt) return;
    create.mutate({ documentId, closingAt, ...("range" in subject ? { range: subject.range, text } : "suggestionIds" in subject ? { suggestionIds: subject.suggestionIds } : {}) });
  }

  return (
    <form
      onSubmit={submit}
      className="space-y-3 rounded-lg border border-line bg-card p-3"
      aria-label={alternativeTo ? `Propose an alternative to Amendment ${alternativeTo.number}` : "Propose an amendment"}
    >
      {alternativeTo && (
        <p className="text-sm">
          Your rewrite of the same passage, as its own amendment. It stays out of the text; an editor can then put Amendment {alternativeTo.number} and
          its alternatives to one ranked vote, and the winner is made in the text.
        </p>
      )}
      {passage !== undefined && (
        <>
          <div>
            <p className="text-sm font-semibold">The passage</p>
            <blockquote className="border-l-2 border-line pl-3 break-words text-muted">{passage || "(nothing: it adds text here)"}</blockquote>
          </div>
          <TextareaField
            label="Proposed text"
            hint="Leave it empty to propose removing the passage."
            value={text}
            onChange={(event) => setText(event.target.value)}
            maxLength={MAX_AMENDMENT_TEXT_LENGTH}
            rows={3}
            autoFocus
            error={fields?.text?.[0]}
          />
        </>
      )}
      {!alternativeTo && (
        <ClosingTimeField closing={closing} label="Vote closes" error={fields?.closingAt?.[0]} />
      )}
      {create.error && !fields && <Alert>{errorMessage(create.error)}</Alert>}
      <FormButtons
        label={alternativeTo ? "Propose the alternative" : "Put to the vote"}
        pendingLabel={alternativeTo ? "Proposing…" : "Starting the vote…"}
        pending={create.isPending}
        onCancel={onCancel}
      />
    </form>
  );
}
