/**
 * Cursor colours, dark enough that white names on them stay readable (contrast ≥ 4.5 : 1) and
 * far enough apart to tell people apart. Tiptap's caret accepts only `#rrggbb`.
 */
const PALETTE = ["#9a3412", "#1d4ed8", "#047857", "#7e22ce", "#be123c", "#0f766e", "#4338ca", "#854d0e"] as const;

/** The same person gets the same colour on every screen. */
export function colorFor(userId: string): string {
  let hash = 0;
  for (const char of userId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return PALETTE[hash % PALETTE.length]!;
}

/**
 * Colours for people shown side by side (who wrote which words): each keeps their own colour
 * unless someone earlier in `userIds` has it already, then takes the first colour nobody has, so
 * up to eight people never share one. Beyond eight, colours repeat.
 */
export function distinctColors(userIds: readonly string[]): Map<string, string> {
  const colors = new Map<string, string>();
  const taken = new Set<string>();
  for (const userId of userIds) {
    const own = colorFor(userId);
    const color = taken.has(own) ? (PALETTE.find((candidate) => !taken.has(candidate)) ?? own) : own;
    colors.set(userId, color);
    taken.add(color);
  }
  return colors;
}
