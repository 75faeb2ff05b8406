import { initialRanking, rankingChoices } from "@/components/polls/ranking";
import type { PollKind } from "@/server/polls/ballot-rules";

type StoredChoice = { optionId: string; score: number | null; rank: number | null };

/**
 * What a voter has filled in so far, for every kind of ballot: chosen options, numbers per option
 * (scores, dots, meeting answers), a ranking, and the reason (a question round's answer).
 */
export type BallotDraft = {
  selected: string[];
  numbers: Record<string, number>;
  ranking: string[];
  reason: string;
};

export function draftFrom(optionIds: readonly string[], myChoices: readonly StoredChoice[] | null, myReason: string | null): BallotDraft {
  const choices = myChoices ?? [];
  return {
    selected: choices.map(({ optionId }) => optionId),
    numbers: Object.fromEntries(choices.filter((choice) => choice.score !== null).map(({ optionId, score }) => [optionId, score!])),
    ranking: initialRanking(optionIds, myChoices),
    reason: myReason ?? "",
  };
}

/** The choices `poll.vote` takes for this kind of poll; the server checks the rules. */
export function choicesFor(kind: PollKind, draft: BallotDraft, optionIds: readonly string[]): { optionId: string; score?: number; rank?: number }[] {
  const known = new Set(optionIds);
  switch (kind) {
    case "question":
      return [];
    case "ranked_choice":
    case "stv":
      return rankingChoices(draft.ranking.filter((id) => known.has(id)));
    case "score":
    case "dot_vote":
    case "meeting":
      return optionIds.filter((id) => Number.isFinite(draft.numbers[id])).map((optionId) => ({ optionId, score: draft.numbers[optionId]! }));
    default:
      return draft.selected.filter((id) => known.has(id)).map((optionId) => ({ optionId }));
  }
}

/** Picks an option: replaces the choice in single-choice ballots, toggles it in multiple-choice ones. */
export function toggleSelected(selected: readonly string[], optionId: string, multiple: boolean): string[] {
  if (!multiple) return [optionId];
  return selected.includes(optionId) ? selected.filter((id) => id !== optionId) : [...selected, optionId];
}

/** A number typed into an input: empty or unreadable clears the option. */
export function setNumber(numbers: Readonly<Record<string, number>>, optionId: string, raw: string): Record<string, number> {
  const next = { ...numbers };
  const value = raw.trim() === "" ? Number.NaN : Number(raw);
  if (Number.isFinite(value)) next[optionId] = value;
  else delete next[optionId];
  return next;
}
