"use client";

import { setNumber, type BallotDraft } from "@/components/polls/ballot-draft";
import { TextField } from "@/components/ui/text-field";
import type { RouterOutputs } from "@/lib/trpc/client";

type Poll = RouterOutputs["poll"]["byId"];

/** A score per option on the poll's scale; an option left empty is not scored. */
export function BallotScores({ poll, draft, onChange }: { poll: Poll; draft: BallotDraft; onChange: (draft: BallotDraft) => void }) {
  const min = poll.settings.scoreMin ?? 0;
  const max = poll.settings.scoreMax ?? 5;
  return (
    <fieldset className="flex min-w-0 flex-col gap-3">
      <legend className="mb-1 font-semibold">Your scores</legend>
      <p className="text-sm text-muted">
        Give each option a score from {min} to {max}. Leave an option empty to skip it.
      </p>
      {poll.options.map((option) => (
        <TextField
          key={option.id}
          label={option.name}
          type="number"
          inputMode="numeric"
          min={min}
          max={max}
          step={1}
          value={Number.isFinite(draft.numbers[option.id]) ? String(draft.numbers[option.id]) : ""}
          onChange={(event) => onChange({ ...draft, numbers: setNumber(draft.numbers, option.id, event.target.value) })}
          className="w-28"
        />
      ))}
    </fieldset>
  );
}
