/** Shortens text to at most `max` characters, at a word boundary when one is near, ending with "…". */
export function truncate(text: string, max: number): string {
  const trimmed = text.trim();
  if (trimmed.length <= max) return trimmed;
  const cut = trimmed.slice(0, max - 1);
  const lastSpace = cut.lastIndexOf(" ");
  return `${(lastSpace > max * 0.6 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}

/**
 * The start of a markdown text, with room for the markup and link targets of an excerpt of `max`
 * characters. Excerpts read only this much, and their patterns repeat at most a few hundred
 * characters, so a long or strange text costs no more than a short one.
 */
function excerptSource(markdown: string, max: number): string {
  return markdown.slice(0, max * 20 + 1_000);
}

/** Markdown reduced to plain text for a one-line preview: markup characters and link targets dropped. */
export function plainExcerpt(markdown: string, max: number): string {
  const plain = excerptSource(markdown, max)
    .replace(/!?\[([^\]]{0,300})\]\([^)\n]{0,1000}\)/g, "$1")
    .replace(/[#>*_`~|]/g, "")
    .replace(/\s+/g, " ");
  return truncate(plain, max);
}

/** Plain text for list previews: markdown punctuation and mention targets removed, link and mention text kept. */
export function listExcerpt(markdown: string, length: number): string {
  const plain = excerptSource(markdown, length)
    .replace(/\[([^\]]{0,300})\]\([^)\n]{0,1000}\)/g, "$1")
    .replace(/[*_`~]+/g, "")
    .replace(/^[ \t]*(#+|>|[-*+]|\d+\.)\s+/gm, "")
    .replace(/\s+/g, " ")
    .trim();
  return plain.length > length ? `${plain.slice(0, length - 1)}…` : plain;
}

/** C0 control characters other than tab, line feed and carriage return. */
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g;
/** Halves of UTF-16 surrogate pairs without their other half, which no database or encoder accepts. */
const LONE_SURROGATES = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text as people meant it: NUL and the other invisible control characters dropped (tab and line
 * breaks stay), and broken surrogate halves replaced by U+FFFD. PostgreSQL refuses NUL in text,
 * and lone surrogates break JSON, email and search, so input is cleaned before it is stored.
 */
export function cleanText(text: string): string {
  return text.replace(CONTROL_CHARACTERS, "").replace(LONE_SURROGATES, "\uFFFD");
}
