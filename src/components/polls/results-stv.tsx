"use client";

import { METHOD_EXPLANATIONS, METHOD_NAMES } from "@/components/polls/counting-method";
import { Heading } from "@/components/polls/heading";
import { cellClass, ScrollTable } from "@/components/polls/scroll-table";
import { changeText, electedText, roundText, votesText } from "@/components/polls/stv-text";
import { cn } from "@/components/ui/cn";
import { seatsText } from "@/lib/tallies/stv";
import type { RouterOutputs } from "@/lib/trpc/client";

type StvCount = NonNullable<RouterOutputs["poll"]["results"]["stv"]>;
type Label = (optionId: string) => string;

/**
 * An election's result: who is elected, in order, then the count round by round, as a table with
 * one row per option and one column per round (it scrolls sideways on a phone), and the same
 * rounds in words below it.
 */
export function StvResults({ stv, label, level, closed }: { stv: StvCount; label: Label; level: number; closed: boolean }) {
  const { rounds } = stv;
  const optionIds = rounds[0]?.tallies.map(({ optionId }) => optionId) ?? [];
  const byLot = rounds.some((round) => round.tieBreaks.some(({ decidedBy }) => decidedBy === "lot"));
  return (
    <div className="flex min-w-0 flex-col gap-6">
      <div className="flex flex-col gap-2 rounded-lg border border-live bg-green-50 px-4 py-3">
        <p className="text-xl font-bold" data-testid="stv-headline">
          {electedText(stv, closed, label)}
        </p>
        {stv.elected.length > 0 && (
          <ol className="list-decimal pl-6" aria-label="Elected, in order of election" data-testid="stv-elected">
            {stv.elected.map((optionId) => (
              <li key={optionId} className="break-words font-semibold">
                {label(optionId)}
              </li>
            ))}
          </ol>
        )}
        <p>
          {seatsText(stv.seats)}, counted by {METHOD_NAMES[stv.method]}. {METHOD_EXPLANATIONS[stv.method]}
        </p>
      </div>
      {rounds.length > 0 && (
        <section className="flex min-w-0 flex-col gap-3">
          <Heading level={level} className="text-lg font-bold">
            Round by round
          </Heading>
          <p className="text-muted">
            {stv.validBallots} {stv.validBallots === 1 ? "ballot ranks" : "ballots rank"} at least one option. An option is elected on reaching the
            quota, {stv.method === "scottish_stv" ? "the valid ballots divided by one more than the seats, plus one" : "the votes still held divided by one more than the seats"}.
            Votes are shown to five decimal places at most; under each, the change in that round.
          </p>
          <ScrollTable caption="Votes for each option, round by round">
            <thead>
              <tr>
                <th scope="col" className={cn(cellClass, "bg-ember-50")}>
                  Option
                </th>
                {rounds.map((_, index) => (
                  <th key={index} scope="col" className={cn(cellClass, "whitespace-nowrap bg-ember-50")}>
                    Round {index + 1}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {optionIds.map((optionId, row) => (
                <tr key={optionId}>
                  <th scope="row" className={cn(cellClass, "min-w-32 break-words font-medium")}>
                    {label(optionId)}
                  </th>
                  {rounds.map((round, index) => {
                    const tally = round.tallies[row]!;
                    const elected = round.elected.includes(optionId);
                    const excluded = round.excluded.includes(optionId);
                    const change = index > 0 ? changeText(tally.change) : "0";
                    return (
                      <td
                        key={index}
                        className={cn(
                          cellClass,
                          "whitespace-nowrap tabular-nums",
                          tally.state === "elected" && "bg-green-50",
                          tally.state === "excluded" && !excluded && "text-muted",
                        )}
                      >
                        <span className={cn(elected && "font-bold")}>{votesText(tally.votes)}</span>
                        {change !== "0" && <span className="block text-sm text-muted">{change}</span>}
                        {elected && <span className="block text-sm font-semibold text-live">Elected</span>}
                        {excluded && <span className="block text-sm font-semibold">Excluded</span>}
                      </td>
                    );
                  })}
                </tr>
              ))}
              <SummaryRow label="Exhausted" values={rounds.map((round) => round.exhausted)} />
              <SummaryRow label="Quota" values={rounds.map((round) => round.quota)} />
            </tbody>
          </ScrollTable>
          <p className="text-muted">Exhausted votes are those with no further choice left to move to, and fractions lost to rounding.</p>
          <ol className="flex flex-col gap-2" aria-label="What happened in each round">
            {rounds.map((round, index) => (
              <li key={index}>{roundText(round, index + 1, label)}</li>
            ))}
          </ol>
          {byLot && (
            <p className="text-muted">
              Ties that no earlier round separates are decided by lot, drawn when the poll was created, so a recount gives the same result. The
              lot&apos;s order: {stv.lot.map(label).join(", ")}.
            </p>
          )}
        </section>
      )}
    </div>
  );
}

/** A row of the round table that is about the count rather than an option: exhausted votes, the quota. */
function SummaryRow({ label, values }: { label: string; values: string[] }) {
  return (
    <tr>
      <th scope="row" className={cn(cellClass, "font-medium")}>
        {label}
      </th>
      {values.map((value, index) => (
        <td key={index} className={cn(cellClass, "tabular-nums")}>
          {votesText(value)}
        </td>
      ))}
    </tr>
  );
}
