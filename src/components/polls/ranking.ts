/** A ranked-choice ballot held as option ids, best first. */

/** The list with the item at `index` moved by `offset` places; out-of-range moves change nothing. */
export function moveItem<T>(list: readonly T[], index: number, offset: number): T[] {
  const target = index + offset;
  if (index < 0 || index >= list.length || target < 0 || target >= list.length) return [...list];
  const next = [...list];
  const [item] = next.splice(index, 1);
  next.splice(target, 0, item as T);
  return next;
}

/** The viewer's earlier ranking first, in its order, then any options they had not ranked, as shown. */
export function initialRanking(optionIds: readonly string[], myChoices: readonly { optionId: string; rank: number | null }[] | null): string[] {
  const known = new Set(optionIds);
  const ranked = [...(myChoices ?? [])]
    .filter((choice) => choice.rank !== null && known.has(choice.optionId))
    .sort((a, b) => a.rank! - b.rank!)
    .map(({ optionId }) => optionId);
  return [...ranked, ...optionIds.filter((id) => !ranked.includes(id))];
}

export function rankingChoices(ranking: readonly string[]): { optionId: string; rank: number }[] {
  return ranking.map((optionId, index) => ({ optionId, rank: index + 1 }));
}
