"use client";

import { Heading } from "@/components/polls/heading";
import { cellClass, ScrollTable } from "@/components/polls/scroll-table";
import { cn } from "@/components/ui/cn";
import type { RouterOutputs } from "@/lib/trpc/client";

type Tally = Extract<NonNullable<RouterOutputs["poll"]["results"]["tally"]>, { kind: "ranked_choice" }>;
type Label = (optionId: string) => string;

const TIE_BREAK = "Ties are broken by the options' order on the poll.";

/** Borda count beside the instant-runoff rounds and the Schulze pairwise table, each with its rule in words. */
export function RankedResults({ tally, label, level, optionIds }: { tally: Tally; label: Label; level: number; optionIds: string[] }) {
  const { borda, irv, schulze } = tally;
  return (
    <div className="flex flex-col gap-8">
      <section className="flex flex-col gap-3">
        <Heading level={level} className="text-lg font-bold">
          Borda count
        </Heading>
        <p className="text-muted">
          With {optionIds.length} options, a first place earns {optionIds.length} points, a second {Math.max(optionIds.length - 1, 0)}, and so on;
          options left unranked earn nothing. {TIE_BREAK}
        </p>
        <ScrollTable caption="Borda points, highest first">
          <thead>
            <tr>
              <th scope="col" className={cellClass}>Place</th>
              <th scope="col" className={cellClass}>Option</th>
              <th scope="col" className={cellClass}>Points</th>
            </tr>
          </thead>
          <tbody>
            {borda.map(({ optionId, score }, index) => (
              <tr key={optionId} className={cn(index === 0 && score > 0 && "bg-green-50 font-semibold")}>
                <td className={cellClass}>{index + 1}</td>
                <th scope="row" className={cn(cellClass, "font-medium")}>{label(optionId)}</th>
                <td className={cellClass}>{score}</td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      </section>

      <section className="flex flex-col gap-3">
        <Heading level={level} className="text-lg font-bold">
          Instant runoff
        </Heading>
        <p className="text-muted">
          Each round counts every ballot for its highest-ranked option still in the count. An option with more than half of the ballots still
          in play wins; otherwise the option with the fewest votes is eliminated. A tie for fewest eliminates the option with the lower Borda
          score, then the one later on the poll.
        </p>
        <p className="font-semibold">Winner: {irv.winnerOptionId ? label(irv.winnerOptionId) : "none yet"}</p>
        {irv.rounds.map((round, index) => (
          <ScrollTable key={index} caption={`Round ${index + 1}`}>
            <thead>
              <tr>
                <th scope="col" colSpan={2} className={cn(cellClass, "bg-ember-50")}>
                  Round {index + 1}
                  {round.eliminated ? `: ${label(round.eliminated)} eliminated` : irv.winnerOptionId ? `: ${label(irv.winnerOptionId)} wins` : ""}
                </th>
              </tr>
            </thead>
            <tbody>
              {round.tallies.map(({ optionId, votes }) => (
                <tr key={optionId} className={cn(optionId === round.eliminated && "text-muted line-through")}>
                  <th scope="row" className={cn(cellClass, "font-medium")}>{label(optionId)}</th>
                  <td className={cellClass}>{votes} {votes === 1 ? "vote" : "votes"}</td>
                </tr>
              ))}
              {round.exhausted > 0 && (
                <tr>
                  <th scope="row" className={cn(cellClass, "font-medium")}>No option left on the ballot</th>
                  <td className={cellClass}>{round.exhausted}</td>
                </tr>
              )}
            </tbody>
          </ScrollTable>
        ))}
      </section>

      <section className="flex flex-col gap-3">
        <Heading level={level} className="text-lg font-bold">
          Head to head (Schulze)
        </Heading>
        <p className="text-muted">
          Each cell shows how many people ranked the row&apos;s option above the column&apos;s. An option that beats every other head to head is
          the Condorcet winner; when none does, the Schulze method follows the strongest chains of wins. Remaining ties go to the higher Borda
          score, then the earlier option on the poll.
        </p>
        <p className="font-semibold">
          Winner: {schulze.winnerOptionId ? label(schulze.winnerOptionId) : "none yet"}
          {schulze.condorcetWinnerOptionId && schulze.condorcetWinnerOptionId === schulze.winnerOptionId ? " (beats every other option head to head)" : ""}
        </p>
        <ScrollTable caption="People who ranked the row's option above the column's">
          <thead>
            <tr>
              <td className={cellClass} />
              {optionIds.map((id) => (
                <th key={id} scope="col" className={cn(cellClass, "max-w-40 break-words")}>
                  {label(id)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {optionIds.map((row) => (
              <tr key={row}>
                <th scope="row" className={cn(cellClass, "max-w-40 break-words font-medium")}>
                  {label(row)}
                </th>
                {optionIds.map((column) => {
                  const value = schulze.pairwise[row]?.[column];
                  const wins = value !== undefined && value > (schulze.pairwise[column]?.[row] ?? 0);
                  return (
                    <td key={column} className={cn(cellClass, wins && "font-bold text-live")}>
                      {row === column ? "—" : value}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      </section>
    </div>
  );
}
