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
