import { truncate } from "@/lib/text";
import { MATCH_END, MATCH_START } from "@/server/search/backend";

/** At most this many characters of a snippet, marks included. */
export const MAX_SNIPPET_LENGTH = 300;

/**
 * A snippet as results show it: plain text (markdown's link targets and markup dropped), each
 * match between « and ». Guillemets that were in the text become “ ”, so that the only ones
 * left are marks; a snippet cut short never leaves a mark open.
 */
export function snippetText(raw: string): string {
  const plain = raw
    .replace(/«/g, "“")
    .replace(/»/g, "”")
    .replace(/!?\[([^\]\n]{0,300})\]\([^)\n]{0,1000}\)/g, "$1")
    .replace(/[*_`~]+/g, "")
    .replace(/(^|\n)[ \t]*(#+|>|[-*+]|\d+\.)[ \t]+/g, "$1")
    .replace(/\s+/g, " ")
    .trim()
    .replaceAll(MATCH_START, "«")
    .replaceAll(MATCH_END, "»");
  const cut = truncate(plain, MAX_SNIPPET_LENGTH);
  const open = cut.lastIndexOf("«");
  return open > cut.lastIndexOf("»") ? `${cut.slice(0, open)}${cut.slice(open + 1)}` : cut;
}
