"use client";

import type { ReactNode } from "react";
import { headlineText, METHOD_EXPLANATIONS, METHOD_NAMES, tieBreakText } from "@/components/polls/counting-method";
import { Heading } from "@/components/polls/heading";
import { cellClass, ScrollTable } from "@/components/polls/scroll-table";
import { cn } from "@/components/ui/cn";
import type { RankedMethod } from "@/lib/tallies/ranked";
import type { RouterOutputs } from "@/lib/trpc/client";

type Tally = Extract<NonNullable<RouterOutputs["poll"]["results"]["tally"]>, { kind: "ranked_choice" }>;
type Label = (optionId: string) => string;
type Props = { tally: Tally; label: Label; level: number; optionIds: string[] };

const TIE_BREAK = "Ties are broken by the options' order on the poll.";

/**
 * The poll's own counting method first, as the result, with its workings; the other methods are
 * folded away, since several winners side by side leave people unsure which one counts.
 */
export function RankedResults({ tally, label, level, optionIds }: Props) {
  const { method, outcomes } = tally;
  const others = (Object.keys(outcomes) as RankedMethod[]).filter((other) => other !== method);
  const tieBreak = tieBreakText(method, outcomes[method], label);
  return (
    <div className="flex min-w-0 flex-col gap-6">
      <div className="flex flex-col gap-1 rounded-lg border border-live bg-green-50 px-4 py-3">
        <p className="text-xl font-bold" data-testid="ranked-headline">
          {headlineText(method, outcomes[method], label)}
        </p>
        <p>{METHOD_EXPLANATIONS[method]}</p>
        {tieBreak && <p className="text-muted">{tieBreak}</p>}
      </div>
      <MethodWorkings method={method} {...{ tally, label, level, optionIds }} />
      <details className="min-w-0 rounded-lg border border-line">
        <summary className="min-h-11 cursor-pointer px-4 py-2.5 font-semibold">Compare with other methods</summary>
        <div className="flex flex-col gap-8 border-t border-line px-4 py-4">
          <p>
            This poll is counted by the {METHOD_NAMES[method]} method, chosen when it was set up. Other methods can pick a different winner from the
            same rankings:
          </p>
          <ul className="list-disc pl-6">
            {others.map((other) => (
              <li key={other}>{headlineText(other, outcomes[other], label)}</li>
            ))}
          </ul>
          {others.map((other) => (
            <MethodWorkings key={other} method={other} {...{ tally, label, level, optionIds }} />
          ))}
        </div>
      </details>
    </div>
  );
}

function MethodWorkings({ method, ...props }: Props & { method: RankedMethod }) {
  if (method === "borda") return <BordaWorkings {...props} />;
  if (method === "instant_runoff") return <RunoffWorkings {...props} />;
  return <SchulzeWorkings {...props} />;
}

/** One method's workings: its name, how it counts, then the counts. */
function Workings({ title, level, explanation, children }: { title: string; level: number; explanation: ReactNode; children: ReactNode }) {
  return (
    <section className="flex min-w-0 flex-col gap-3">
      <Heading level={level} className="text-lg font-bold">
        {title}
      </Heading>
      <p className="text-muted">{explanation}</p>
      {children}
    </section>
  );
}

function BordaWorkings({ tally, label, level, optionIds }: Props) {
  const { borda } = tally;
  return (
    <Workings
      title="Borda count"
      level={level}
      explanation={
        <>
          With {optionIds.length} options, a first place earns {optionIds.length} points, a second {Math.max(optionIds.length - 1, 0)}, and so on;
          options left unranked earn nothing. {TIE_BREAK}
        </>
      }
    >
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
              <th scope="row" className={cn(cellClass, "break-words font-medium")}>{label(optionId)}</th>
              <td className={cellClass}>{score}</td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
    </Workings>
  );
}

function RunoffWorkings({ tally, label, level }: Props) {
  const { irv } = tally;
  return (
    <Workings
      title="Instant runoff"
      level={level}
      explanation="Each round counts every ballot for its highest-ranked option still in the count. An option with more than half of the ballots still in play wins; otherwise the option with the fewest votes is eliminated. A tie for fewest eliminates the option with the lower Borda score, then the one later on the poll."
    >
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
                <th scope="row" className={cn(cellClass, "break-words font-medium")}>{label(optionId)}</th>
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
    </Workings>
  );
}

const gridCell = "border-b border-line px-2 py-2 text-center";

/**
 * Columns are headed by the options' numbers, not their names, so the grid fits a phone; the
 * row headers, numbered the same way, are the legend. Very many options scroll inside the grid.
 */
function SchulzeWorkings({ tally, label, level, optionIds }: Props) {
  const { schulze } = tally;
  const number = (optionId: string) => optionIds.indexOf(optionId) + 1;
  return (
    <Workings
      title="Head to head (Schulze)"
      level={level}
      explanation="Each cell shows how many people ranked the row's option above the column's; columns are numbered like the rows. An option that beats every other head to head is the Condorcet winner; when none does, the Schulze method follows the strongest chains of wins. Remaining ties go to the higher Borda score, then the earlier option on the poll."
    >
      {schulze.condorcetWinnerOptionId && (
        <p>{label(schulze.condorcetWinnerOptionId)} beats every other option head to head.</p>
      )}
      <ScrollTable caption="People who ranked the row's option above the column's">
        <thead>
          <tr>
            <td className={gridCell} />
            {optionIds.map((id) => (
              <th key={id} scope="col" className={gridCell}>
                <span aria-hidden="true">{number(id)}</span>
                <span className="sr-only">{label(id)}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {optionIds.map((row) => (
            <tr key={row}>
              <th scope="row" className={cn(cellClass, "min-w-24 break-words font-medium")}>
                {number(row)}. {label(row)}
              </th>
              {optionIds.map((column) => {
                const value = schulze.pairwise[row]?.[column];
                const wins = value !== undefined && value > (schulze.pairwise[column]?.[row] ?? 0);
                return (
                  <td key={column} className={cn(gridCell, wins && "font-bold text-live")}>
                    {row === column ? "—" : value}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </ScrollTable>
    </Workings>
  );
}
