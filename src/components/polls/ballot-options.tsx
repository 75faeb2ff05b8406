"use client";

import type { BallotDraft } from "@/components/polls/ballot-draft";
import { toggleSelected } from "@/components/polls/ballot-draft";
import { optionTone, TONE_CLASSES } from "@/components/polls/poll-text";
import { cn } from "@/components/ui/cn";
import type { RouterOutputs } from "@/lib/trpc/client";

type Poll = RouterOutputs["poll"]["byId"];

/** Proposals, sense checks, counts and polls: one choice (radio buttons) or several within the poll's limits. */
export function BallotOptions({ poll, draft, onChange }: { poll: Poll; draft: BallotDraft; onChange: (draft: BallotDraft) => void }) {
  const min = poll.settings.minChoices ?? 1;
  const max = poll.kind === "poll" ? (poll.settings.maxChoices ?? 1) : 1;
  const multiple = max > 1;
  const hint = multiple ? (min === max ? `Choose ${min} options.` : `Choose between ${min} and ${max} options.`) : null;

  return (
    <fieldset className="flex min-w-0 flex-col gap-2">
      <legend className="mb-2 font-semibold">{multiple ? "Your choices" : "Your choice"}</legend>
      {hint && <p className="-mt-1 mb-1 text-sm text-muted">{hint}</p>}
      {poll.options.map((option) => {
        const checked = draft.selected.includes(option.id);
        const tone = optionTone(poll.kind, option.name);
        return (
          <label
            key={option.id}
            className={cn(
              "flex min-h-11 cursor-pointer items-center gap-3 rounded-lg border-2 px-4 py-2 font-medium",
              checked ? TONE_CLASSES[tone].card : "border-line bg-card",
              checked && tone === "neutral" && "border-ember-700",
            )}
          >
            <input
              type={multiple ? "checkbox" : "radio"}
              name={`poll-${poll.id}`}
              value={option.id}
              checked={checked}
              disabled={multiple && !checked && draft.selected.length >= max}
              onChange={() => onChange({ ...draft, selected: toggleSelected(draft.selected, option.id, multiple) })}
              className="size-5 shrink-0 accent-ember-700"
            />
            {tone !== "neutral" && <span aria-hidden="true" className={cn("size-3 shrink-0 rounded-full", TONE_CLASSES[tone].bar)} />}
            <span className="min-w-0 break-words">{option.name}</span>
          </label>
        );
      })}
    </fieldset>
  );
}
