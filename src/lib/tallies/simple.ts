/**
 * Tallies for the poll kinds that count choices, scores, dots and meeting availability.
 * Options come in poll order; every result keeps that order so the page can show it as set.
 */
export type OptionCount = { optionId: string; count: number; percent: number };

/** Votes per option, and the share of voters who chose it (a voter may choose several). */
export function countChoices(optionIds: readonly string[], ballots: readonly (readonly string[])[]): OptionCount[] {
  const counts = new Map(optionIds.map((id) => [id, 0]));
  for (const ballot of ballots) for (const optionId of new Set(ballot)) if (counts.has(optionId)) counts.set(optionId, counts.get(optionId)! + 1);
  return optionIds.map((optionId) => ({
    optionId,
    count: counts.get(optionId)!,
    percent: ballots.length ? Math.round((counts.get(optionId)! / ballots.length) * 1000) / 10 : 0,
  }));
}

export type ScoreResult = { optionId: string; total: number; average: number | null; scored: number };

/** Each option's total and average over the voters who scored it; a voter who left it blank abstains on it. */
export function tallyScores(optionIds: readonly string[], ballots: readonly ReadonlyMap<string, number>[]): ScoreResult[] {
  return optionIds.map((optionId) => {
    const scores = ballots.flatMap((ballot) => (ballot.has(optionId) ? [ballot.get(optionId)!] : []));
    const total = scores.reduce((sum, score) => sum + score, 0);
    return { optionId, total, scored: scores.length, average: scores.length ? Math.round((total / scores.length) * 100) / 100 : null };
  });
}

export type DotResult = { optionId: string; dots: number; percent: number };

/** Dots per option and their share of all dots placed. */
export function tallyDots(optionIds: readonly string[], ballots: readonly ReadonlyMap<string, number>[]): DotResult[] {
  const totals = optionIds.map((optionId) => ballots.reduce((sum, ballot) => sum + (ballot.get(optionId) ?? 0), 0));
  const all = totals.reduce((sum, dots) => sum + dots, 0);
  return optionIds.map((optionId, index) => ({
    optionId,
    dots: totals[index]!,
    percent: all ? Math.round((totals[index]! / all) * 1000) / 10 : 0,
  }));
}

export type Availability = "yes" | "maybe" | "no";
export type SlotResult = { optionId: string; yes: number; maybe: number; no: number };

/**
 * Meeting polls: per time slot, how many can come, can if need be, or cannot. The best slot has
 * the most "yes", then the most "if need be", then comes first on the poll (the earliest time).
 */
export function tallyMeeting(
  optionIds: readonly string[],
  ballots: readonly ReadonlyMap<string, Availability>[],
): { slots: SlotResult[]; bestOptionId: string | null } {
  const slots = optionIds.map((optionId) => {
    const slot: SlotResult = { optionId, yes: 0, maybe: 0, no: 0 };
    for (const ballot of ballots) {
      const answer = ballot.get(optionId);
      if (answer) slot[answer] += 1;
    }
    return slot;
  });
  const best = ballots.length
    ? slots.reduce((leader, slot) => (slot.yes > leader.yes || (slot.yes === leader.yes && slot.maybe > leader.maybe) ? slot : leader))
    : null;
  return { slots, bestOptionId: best?.optionId ?? null };
}
