/** Dot votes: how many dots are placed and what is left to place. */
export function dotsUsed(dots: Readonly<Record<string, number>>): number {
  return Object.values(dots).reduce((sum, count) => sum + (Number.isFinite(count) ? count : 0), 0);
}

/** "3 of 10 dots left", or "2 dots too many" when over the limit. */
export function dotsLeftText(used: number, allowed: number): string {
  const left = allowed - used;
  if (left < 0) return `${-left} ${left === -1 ? "dot" : "dots"} too many: you have ${allowed}`;
  return `${left} of ${allowed} ${allowed === 1 ? "dot" : "dots"} left`;
}
