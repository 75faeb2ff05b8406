"use client";

import { Meter, percentText, plural, ResultBars } from "@/components/polls/result-bars";
import { optionTone } from "@/components/polls/poll-text";
import type { RouterOutputs } from "@/lib/trpc/client";

type Poll = RouterOutputs["poll"]["byId"];
type Tally = NonNullable<RouterOutputs["poll"]["results"]["tally"]>;
type Label = (optionId: string) => string;

/** Votes per option; for a count, also the progress towards its target. */
export function CountResults({ poll, tally, countTarget, label }: { poll: Poll; tally: Extract<Tally, { kind: "counts" }>; countTarget: number | null; label: Label }) {
  const first = tally.counts[0];
  return (
    <div className="flex flex-col gap-4">
      {poll.kind === "count" && countTarget !== null && first && (
        <div className="flex flex-col gap-1">
          <p className="font-semibold">
            {first.count} of {countTarget} counted in so far
          </p>
          <Meter percent={(first.count / countTarget) * 100} tone="agree" />
        </div>
      )}
      <ResultBars
        label="Votes per option"
        bars={tally.counts.map(({ optionId, count, percent }) => ({
          id: optionId,
          label: label(optionId),
          detail: `${plural(count, "vote", "votes")}, ${percentText(percent)}`,
          percent,
          tone: optionTone(poll.kind, label(optionId)),
        }))}
      />
    </div>
  );
}

/** Average and total per option; the bar shows the average on the poll's scale. */
export function ScoreResults({ poll, tally, label }: { poll: Poll; tally: Extract<Tally, { kind: "score" }>; label: Label }) {
  const min = poll.settings.scoreMin ?? 0;
  const max = poll.settings.scoreMax ?? 5;
  return (
    <ResultBars
      label="Scores per option"
      bars={tally.scores.map(({ optionId, average, total, scored }) => ({
        id: optionId,
        label: label(optionId),
        detail: average === null ? "not scored yet" : `average ${average} of ${max}, total ${total} from ${plural(scored, "score", "scores")}`,
        percent: average === null ? 0 : ((average - min) / (max - min)) * 100,
      }))}
    />
  );
}

export function DotResults({ tally, label }: { tally: Extract<Tally, { kind: "dot_vote" }>; label: Label }) {
  return (
    <ResultBars
      label="Dots per option"
      bars={tally.dots.map(({ optionId, dots, percent }) => ({
        id: optionId,
        label: label(optionId),
        detail: `${plural(dots, "dot", "dots")}, ${percentText(percent)}`,
        percent,
      }))}
    />
  );
}

/** Yes / if need be / no per time; the best time (most yes, then most if need be) is marked. */
export function MeetingResults({ tally, label }: { tally: Extract<Tally, { kind: "meeting" }>; label: Label }) {
  const most = Math.max(1, ...tally.slots.map(({ yes, maybe, no }) => yes + maybe + no));
  return (
    <ResultBars
      label="Answers per time"
      bars={tally.slots.map(({ optionId, yes, maybe, no }) => ({
        id: optionId,
        label: label(optionId),
        detail: `${yes} yes, ${maybe} if need be, ${no} no`,
        percent: ((yes + maybe / 2) / most) * 100,
        tone: "agree" as const,
        badge: optionId === tally.bestOptionId ? "Best time" : undefined,
      }))}
    />
  );
}
