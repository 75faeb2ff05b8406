/**
 * Ranked-choice tallies. A ballot is the voter's ranking, best first, of some or all options.
 * Every function is deterministic: ties are broken by the options' order on the poll (earlier
 * wins), after the method's own tie-breaks, and the explanations below are shown on the page.
 */
export type Ballot = readonly string[];

/** The counting methods a ranked-choice poll can be decided by; its creator chooses one. */
export const RANKED_METHODS = ["schulze", "instant_runoff", "borda"] as const;
export type RankedMethod = (typeof RANKED_METHODS)[number];

/**
 * What a method decides: `leaders` are the options it cannot separate (one for a clear winner,
 * two or more for a tie, none before any vote), and `winnerOptionId` is the one the tie-breaks pick.
 */
export type MethodOutcome = { winnerOptionId: string | null; leaders: string[] };

export type BordaScore = { optionId: string; score: number };

/** Borda count as Loomio does it: an option ranked k-th of n options scores n − k + 1; unranked options score 0. */
export function bordaCount(optionIds: readonly string[], ballots: readonly Ballot[]): BordaScore[] {
  const n = optionIds.length;
  const scores = new Map(optionIds.map((id) => [id, 0]));
  for (const ballot of ballots) {
    ballot.forEach((optionId, index) => {
      if (scores.has(optionId)) scores.set(optionId, scores.get(optionId)! + (n - index));
    });
  }
  const order = new Map(optionIds.map((id, index) => [id, index]));
  return [...scores]
    .map(([optionId, score]) => ({ optionId, score }))
    .sort((a, b) => b.score - a.score || order.get(a.optionId)! - order.get(b.optionId)!);
}

export type IrvRound = {
  /** First preferences among the options still in the count. */
  tallies: { optionId: string; votes: number }[];
  /** Ballots with none of the remaining options ranked. */
  exhausted: number;
  eliminated: string | null;
};

export type IrvResult = MethodOutcome & { rounds: IrvRound[] };

/**
 * Instant-runoff: each round counts every ballot for its highest-ranked option still in the
 * count. An option with more than half of the ballots that are not exhausted wins; otherwise
 * the option with the fewest votes is eliminated. A tie for fewest is broken by the lower
 * Borda score, then by the later position on the poll.
 */
export function instantRunoff(optionIds: readonly string[], ballots: readonly Ballot[]): IrvResult {
  const borda = new Map(bordaCount(optionIds, ballots).map(({ optionId, score }) => [optionId, score]));
  const position = new Map(optionIds.map((id, index) => [id, index]));
  const remaining = new Set(optionIds);
  const rounds: IrvRound[] = [];
  if (ballots.length === 0 || optionIds.length === 0) return { winnerOptionId: null, leaders: [], rounds };

  while (remaining.size > 0) {
    const votes = new Map([...remaining].map((id) => [id, 0]));
    let exhausted = 0;
    for (const ballot of ballots) {
      const choice = ballot.find((optionId) => remaining.has(optionId));
      if (choice === undefined) exhausted += 1;
      else votes.set(choice, votes.get(choice)! + 1);
    }
    const tallies = [...votes]
      .map(([optionId, count]) => ({ optionId, votes: count }))
      .sort((a, b) => b.votes - a.votes || position.get(a.optionId)! - position.get(b.optionId)!);
    const active = ballots.length - exhausted;
    const leader = tallies[0]!;
    if (active === 0) {
      rounds.push({ tallies, exhausted, eliminated: null });
      return { winnerOptionId: null, leaders: [], rounds };
    }
    if (leader.votes * 2 > active || remaining.size === 1) {
      rounds.push({ tallies, exhausted, eliminated: null });
      return { winnerOptionId: leader.optionId, leaders: irvLeaders(leader.optionId, rounds, position), rounds };
    }
    const loser = [...tallies].sort(
      (a, b) =>
        a.votes - b.votes ||
        borda.get(a.optionId)! - borda.get(b.optionId)! ||
        position.get(b.optionId)! - position.get(a.optionId)!,
    )[0]!;
    rounds.push({ tallies, exhausted, eliminated: loser.optionId });
    remaining.delete(loser.optionId);
  }
  return { winnerOptionId: null, leaders: [], rounds };
}

/**
 * A last option standing without a majority got there because the final two were level and the
 * tie-break removed the other one: that is a tie between the two, not a win.
 */
function irvLeaders(winner: string, rounds: IrvRound[], position: Map<string, number>): string[] {
  const last = rounds[rounds.length - 1]!;
  const before = rounds[rounds.length - 2];
  if (last.tallies.length !== 1 || !before?.eliminated) return [winner];
  const winnerVotes = before.tallies.find(({ optionId }) => optionId === winner)?.votes;
  const loserVotes = before.tallies.find(({ optionId }) => optionId === before.eliminated)?.votes;
  if (winnerVotes !== loserVotes) return [winner];
  return [winner, before.eliminated].sort((a, b) => position.get(a)! - position.get(b)!);
}

export type SchulzeResult = MethodOutcome & {
  /** pairwise[a][b]: how many voters ranked a above b (a ranked option is above an unranked one). */
  pairwise: Record<string, Record<string, number>>;
  /** strongest[a][b]: the strength of the strongest path from a to b. */
  strongest: Record<string, Record<string, number>>;
  /** Beats every other option head to head, when one does. */
  condorcetWinnerOptionId: string | null;
};

/**
 * The Schulze method. Several options can satisfy the Schulze criterion in a tie; the winner is
 * then the one with the higher Borda score, then the earlier position on the poll.
 */
export function schulze(optionIds: readonly string[], ballots: readonly Ballot[]): SchulzeResult {
  const pairwise: Record<string, Record<string, number>> = {};
  for (const a of optionIds) pairwise[a] = Object.fromEntries(optionIds.filter((b) => b !== a).map((b) => [b, 0]));
  for (const ballot of ballots) {
    const rank = new Map(ballot.map((optionId, index) => [optionId, index]));
    for (const a of optionIds) {
      for (const b of optionIds) {
        if (a === b) continue;
        const rankA = rank.get(a) ?? Infinity;
        const rankB = rank.get(b) ?? Infinity;
        if (rankA < rankB) pairwise[a]![b]! += 1;
      }
    }
  }

  const strongest: Record<string, Record<string, number>> = {};
  for (const a of optionIds) {
    strongest[a] = {};
    for (const b of optionIds) {
      if (a === b) continue;
      strongest[a]![b] = pairwise[a]![b]! > pairwise[b]![a]! ? pairwise[a]![b]! : 0;
    }
  }
  for (const k of optionIds) {
    for (const i of optionIds) {
      if (i === k) continue;
      for (const j of optionIds) {
        if (j === i || j === k) continue;
        strongest[i]![j] = Math.max(strongest[i]![j]!, Math.min(strongest[i]![k]!, strongest[k]![j]!));
      }
    }
  }

  const condorcetWinnerOptionId =
    optionIds.find((a) => optionIds.every((b) => a === b || pairwise[a]![b]! > pairwise[b]![a]!)) ?? null;
  if (ballots.length === 0) return { winnerOptionId: null, leaders: [], pairwise, strongest, condorcetWinnerOptionId };
  const candidates = optionIds.filter((a) => optionIds.every((b) => a === b || strongest[a]![b]! >= strongest[b]![a]!));
  const bordaOrder = bordaCount(optionIds, ballots).map(({ optionId }) => optionId);
  const winnerOptionId = bordaOrder.find((optionId) => candidates.includes(optionId)) ?? null;
  return { winnerOptionId, leaders: candidates, pairwise, strongest, condorcetWinnerOptionId };
}

/** Borda's outcome: every option level with the top score is a leader; nobody leads with no points. */
export function bordaOutcome(scores: readonly BordaScore[]): MethodOutcome {
  const top = scores[0]?.score ?? 0;
  if (top === 0) return { winnerOptionId: null, leaders: [] };
  return { winnerOptionId: scores[0]!.optionId, leaders: scores.filter(({ score }) => score === top).map(({ optionId }) => optionId) };
}

export type RankedCount = {
  borda: BordaScore[];
  irv: IrvResult;
  schulze: SchulzeResult;
  /** Each method's outcome, so the chosen one can lead and the others be compared with it. */
  outcomes: Record<RankedMethod, MethodOutcome>;
};

/** Counts the ballots by every method at once. */
export function countRanked(optionIds: readonly string[], ballots: readonly Ballot[]): RankedCount {
  const borda = bordaCount(optionIds, ballots);
  const irv = instantRunoff(optionIds, ballots);
  const condorcet = schulze(optionIds, ballots);
  const pick = ({ winnerOptionId, leaders }: MethodOutcome): MethodOutcome => ({ winnerOptionId, leaders });
  return { borda, irv, schulze: condorcet, outcomes: { schulze: pick(condorcet), instant_runoff: pick(irv), borda: bordaOutcome(borda) } };
}
