/** One kind of thing lost with a deletion: how many, and its singular and plural names. */
export type Loss = { count: number; one: string; many: string };

/** "12 comments, 2 polls and 3 attachments", leaving out what there is none of. */
export function lossList(losses: readonly Loss[]): string {
  const named = losses.filter(({ count }) => count > 0).map(({ count, one, many }) => `${count} ${count === 1 ? one : many}`);
  if (named.length <= 1) return named.join("");
  return `${named.slice(0, -1).join(", ")} and ${named.at(-1)}`;
}

/** The confirmation's sentence: what goes with the thing, for whom, and that it is final. */
export function lossSentence(losses: readonly Loss[]): string {
  const list = lossList(losses);
  return list
    ? `Its ${list} will be deleted for everyone. This can't be undone.`
    : "It will be deleted for everyone. This can't be undone.";
}
