"use client";

import { useQuery } from "@tanstack/react-query";
import { EyeOff } from "lucide-react";
import { PollBallots } from "@/components/polls/poll-ballots";
import { PollUndecided } from "@/components/polls/poll-undecided";
import { participationText } from "@/components/polls/poll-text";
import { Meter } from "@/components/polls/result-bars";
import { RankedResults } from "@/components/polls/results-ranked";
import { CountResults, DotResults, MeetingResults, ScoreResults } from "@/components/polls/results-simple";
import { StvResults } from "@/components/polls/results-stv";
import { TimeZoneNote } from "@/components/polls/time-zone-note";
import { useOptionLabel } from "@/components/polls/use-option-label";
import { Alert } from "@/components/ui/alert";
import { errorMessage } from "@/lib/trpc/error-message";
import { useTRPC, type RouterOutputs } from "@/lib/trpc/client";

type Poll = RouterOutputs["poll"]["byId"];
type Results = RouterOutputs["poll"]["results"];

function Tally({ poll, results, level }: { poll: Poll; results: Results; level: number }) {
  const label = useOptionLabel(poll.options);
  const { tally } = results;
  switch (tally?.kind) {
    case "counts":
      return <CountResults poll={poll} tally={tally} countTarget={results.countTarget} label={label} />;
    case "score":
      return <ScoreResults poll={poll} tally={tally} label={label} />;
    case "dot_vote":
      return <DotResults tally={tally} label={label} />;
    case "ranked_choice":
      return <RankedResults tally={tally} label={label} level={level} optionIds={poll.options.map(({ id }) => id)} />;
    case "stv":
      return results.stv && <StvResults stv={results.stv} label={label} level={level} closed={poll.closedAt !== null} />;
    case "meeting":
      return (
        <div className="flex flex-col gap-3">
          <TimeZoneNote />
          <MeetingResults tally={tally} label={label} />
        </div>
      );
    default:
      return null;
  }
}

/** Participation, the tally for the poll's kind, who voted what, and who has not voted yet. */
export function PollResults({ poll, level }: { poll: Poll; level: number }) {
  const trpc = useTRPC();
  const { data: results, error } = useQuery(trpc.poll.results.queryOptions({ pollId: poll.id }));

  if (error) return <Alert>{errorMessage(error)}</Alert>;
  if (!results) return <p className="text-muted">Loading the results…</p>;
  const { participation } = results;

  return (
    <div className="flex flex-col gap-6" data-testid="poll-results">
      <div className="flex flex-col gap-1">
        <p className="font-semibold" data-testid="participation">
          {participationText(participation)}
        </p>
        <Meter percent={participation.percent} />
      </div>
      {results.verdict && (
        <p
          data-testid="verdict"
          className={
            results.verdict.passed === false
              ? "rounded-lg border border-danger bg-red-50 px-4 py-3 font-semibold text-danger"
              : "rounded-lg border border-line bg-ember-50 px-4 py-3 font-semibold"
          }
        >
          {results.verdict.text}
        </p>
      )}
      {results.hidden ? (
        <p role="status" className="flex items-center gap-2 rounded-lg border border-line bg-ember-50 px-4 py-3">
          <EyeOff aria-hidden="true" className="size-5 shrink-0" />
          {results.hiddenReason}
        </p>
      ) : (
        <>
          <Tally poll={poll} results={results} level={level} />
          <PollBallots poll={poll} ballots={results.ballots} level={level} />
        </>
      )}
      <PollUndecided pollId={poll.id} level={level} />
    </div>
  );
}
