"use client";

import { Minus, Plus } from "lucide-react";
import { useId } from "react";
import { setNumber, type BallotDraft } from "@/components/polls/ballot-draft";
import { dotsLeftText, dotsUsed } from "@/components/polls/dots";
import { cn } from "@/components/ui/cn";
import type { RouterOutputs } from "@/lib/trpc/client";

type Poll = RouterOutputs["poll"]["byId"];

/** Steppers per option; adding stops when no dots are left (typed numbers are checked by the server). */
export function BallotDots({ poll, draft, onChange }: { poll: Poll; draft: BallotDraft; onChange: (draft: BallotDraft) => void }) {
  const allowed = poll.settings.dotsPerPerson ?? 10;
  const used = dotsUsed(draft.numbers);
  const statusId = useId();
  const step = (optionId: string, by: number) => {
    const next = Math.max(0, (draft.numbers[optionId] ?? 0) + by);
    onChange({ ...draft, numbers: { ...draft.numbers, [optionId]: next } });
  };

  return (
    <fieldset className="flex min-w-0 flex-col gap-3" aria-describedby={statusId}>
      <legend className="mb-1 font-semibold">Your dots</legend>
      <p id={statusId} role="status" className={cn("font-semibold", used > allowed ? "text-danger" : "text-ink")}>
        {dotsLeftText(used, allowed)}
      </p>
      <ul className="flex flex-col gap-2">
        {poll.options.map((option) => {
          const count = draft.numbers[option.id] ?? 0;
          const inputId = `${statusId}-${option.id}`;
          return (
            <li key={option.id} className="flex flex-wrap items-center justify-between gap-2 rounded-lg border border-line px-3 py-2">
              <label htmlFor={inputId} className="min-w-32 flex-1 break-words font-medium">
                {option.name}
              </label>
              <div className="flex items-center gap-1">
                <button
                  type="button"
                  onClick={() => step(option.id, -1)}
                  disabled={count <= 0}
                  aria-label={`Take a dot from ${option.name}`}
                  className="grid size-11 place-items-center rounded-lg border border-line hover:bg-ember-50 disabled:opacity-50"
                >
                  <Minus aria-hidden="true" className="size-5" />
                </button>
                <input
                  id={inputId}
                  type="number"
                  inputMode="numeric"
                  min={0}
                  max={allowed}
                  value={Number.isFinite(draft.numbers[option.id]) ? String(count) : ""}
                  onChange={(event) => onChange({ ...draft, numbers: setNumber(draft.numbers, option.id, event.target.value) })}
                  className="min-h-11 w-20 rounded-lg border border-line bg-card px-2 text-center"
                />
                <button
                  type="button"
                  onClick={() => step(option.id, 1)}
                  disabled={used >= allowed}
                  aria-label={`Add a dot to ${option.name}`}
                  className="grid size-11 place-items-center rounded-lg border border-line hover:bg-ember-50 disabled:opacity-50"
                >
                  <Plus aria-hidden="true" className="size-5" />
                </button>
              </div>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
