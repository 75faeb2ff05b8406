import { RANKED_METHODS, type MethodOutcome, type RankedMethod } from "@/lib/tallies/ranked";
import { STV_METHODS } from "@/lib/tallies/stv";
import type { CountingMethod } from "@/server/polls/schemas";

/** How each method is named in a sentence: "Winner under instant-runoff: …". */
export const METHOD_NAMES: Record<CountingMethod, string> = {
  schulze: "Schulze",
  instant_runoff: "instant-runoff",
  borda: "Borda",
  scottish_stv: "Scottish STV",
  meek_stv: "Meek STV",
};

/** One plain line per method, shown under the result and beside the choice when creating a poll. */
export const METHOD_EXPLANATIONS: Record<CountingMethod, string> = {
  schulze: "Schulze compares the options two at a time: the winner is the one that beats the others, following the strongest chains of wins.",
  instant_runoff:
    "Instant-runoff drops the option with the fewest first choices and moves its votes to their next choice, until one option has more than half.",
  borda: "Borda gives each option points for its place on every ranking, the most for first place; the most points wins.",
  scottish_stv:
    "Scottish STV, as in Scotland's council elections: an option with a quota of votes is elected and the votes it does not need move on to their next choice, at a fraction of their value; when nobody reaches the quota, the option with the fewest votes is dropped and its votes move on.",
  meek_stv:
    "Meek STV counts every ballot again each round: each elected option keeps just enough of every vote reaching it to stay at the quota and passes the rest on, even to options ranked after others already elected.",
};

/** The tie-breaks, in the order the tallies apply them. */
const TIE_BREAKS: Record<RankedMethod, string> = {
  schulze: "the higher Borda score, then the earlier option on the poll",
  instant_runoff: "the higher Borda score, then the earlier option on the poll",
  borda: "the earlier option on the poll",
};

const CHOICE_LABELS: Record<RankedMethod, string> = { schulze: "Schulze (the default)", instant_runoff: "Instant-runoff", borda: "Borda count" };

/** The options of the counting-method select on the new-decision form. */
export const METHOD_CHOICES = RANKED_METHODS.map((value) => ({ value, label: CHOICE_LABELS[value] }));

const STV_CHOICE_LABELS: Record<(typeof STV_METHODS)[number], string> = { scottish_stv: "Scottish STV (the default)", meek_stv: "Meek STV" };

/** The counting-method select for an election. */
export const STV_METHOD_CHOICES = STV_METHODS.map((value) => ({ value, label: STV_CHOICE_LABELS[value] }));

/** "A", "A and B", "A, B and C". */
export function listed(names: string[]): string {
  return names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

/** "Winner under Schulze: Central Library", "Tie under Borda: A and B", or no winner before any vote. */
export function headlineText(method: RankedMethod, outcome: MethodOutcome, label: (optionId: string) => string): string {
  const name = METHOD_NAMES[method];
  if (outcome.leaders.length === 0 || !outcome.winnerOptionId) return `No winner under ${name} yet: nobody has ranked an option.`;
  if (outcome.leaders.length === 1) return `Winner under ${name}: ${label(outcome.winnerOptionId)}`;
  return `Tie under ${name}: ${listed(outcome.leaders.map(label))}`;
}

/** For a tie: which option the tie-break puts first, and by what rule. */
export function tieBreakText(method: RankedMethod, outcome: MethodOutcome, label: (optionId: string) => string): string | null {
  if (outcome.leaders.length < 2 || !outcome.winnerOptionId) return null;
  return `If one option must be chosen, the tie-break (${TIE_BREAKS[method]}) puts ${label(outcome.winnerOptionId)} first.`;
}

/** "Counted by the Schulze method", shown on the poll before anyone votes. */
export function countedByText(method: CountingMethod): string {
  return `Counted by the ${METHOD_NAMES[method]} method`;
}
