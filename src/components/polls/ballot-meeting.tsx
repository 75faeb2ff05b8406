"use client";

import type { BallotDraft } from "@/components/polls/ballot-draft";
import { formatSlot } from "@/components/polls/time-zone";
import { useViewerTimeZone } from "@/components/polls/use-clock";
import { TimeZoneNote } from "@/components/polls/time-zone-note";
import { cn } from "@/components/ui/cn";
import type { RouterOutputs } from "@/lib/trpc/client";
import { AVAILABILITY_SCORE } from "@/server/polls/ballot-rules";

type Poll = RouterOutputs["poll"]["byId"];

export const ANSWERS = [
  { score: AVAILABILITY_SCORE.yes, label: "Yes", selected: "border-live bg-green-50" },
  { score: AVAILABILITY_SCORE.maybe, label: "If need be", selected: "border-ember-600 bg-ember-50" },
  { score: AVAILABILITY_SCORE.no, label: "No", selected: "border-danger bg-red-50" },
] as const;

/** Yes, if need be, or no for each proposed time, shown in the viewer's time zone. */
export function BallotMeeting({ poll, draft, onChange }: { poll: Poll; draft: BallotDraft; onChange: (draft: BallotDraft) => void }) {
  const zone = useViewerTimeZone();
  return (
    <div className="flex flex-col gap-3">
      <TimeZoneNote />
      {poll.options.map((option) => (
        <fieldset key={option.id} className="min-w-0 rounded-lg border border-line px-3 py-2">
          <legend className="px-1 font-semibold">
            <time dateTime={option.startsAt?.toISOString()}>{option.startsAt ? formatSlot(option.startsAt, zone ?? "UTC") : option.name}</time>
          </legend>
          <div className="flex flex-wrap gap-2">
            {ANSWERS.map((answer) => {
              const checked = draft.numbers[option.id] === answer.score;
              return (
                <label
                  key={answer.label}
                  className={cn(
                    "flex min-h-11 cursor-pointer items-center gap-2 rounded-lg border-2 px-3 py-1 font-medium",
                    checked ? answer.selected : "border-line bg-card",
                  )}
                >
                  <input
                    type="radio"
                    name={`slot-${option.id}`}
                    checked={checked}
                    onChange={() => onChange({ ...draft, numbers: { ...draft.numbers, [option.id]: answer.score } })}
                    className="size-5 accent-ember-700"
                  />
                  {answer.label}
                </label>
              );
            })}
          </div>
        </fieldset>
      ))}
    </div>
  );
}
