import { truncate } from "@/lib/text";
import { MATCH_END, MATCH_START } from "@/server/search/backend";

/** At most this many characters of a snippet, marks included. */
export const MAX_SNIPPET_LENGTH = 300;

/** A sentence's end (or a line that leads into the next): the next line follows it after a space alone. */
const ENDS_A_PHRASE = /[.!?:;,…]$/;

/**
 * The text's lines (list items, paragraphs, lines of an agenda) on one line, each kept apart:
 * "item one · item two", never "item one item two" running on as if one sentence.
 */
function oneLine(text: string): string {
  let joined = "";
  for (const line of text.split("\n")) {
    const words = line.replace(/\s+/g, " ").trim();
    if (!words) continue;
    joined = joined === "" ? words : `${joined}${ENDS_A_PHRASE.test(joined) ? " " : " · "}${words}`;
  }
  return joined;
}

/**
 * A snippet as results show it: plain text on one line (markdown's link targets and markup
 * dropped, lines kept apart), each match between « and ». Guillemets that were in the text
 * become “ ”, so that the only ones left are marks; a snippet cut short never leaves a mark open.
 */
export function snippetText(raw: string): string {
  const plain = oneLine(
    raw
      .replace(/«/g, "“")
      .replace(/»/g, "”")
      .replace(/!?\[([^\]\n]{0,300})\]\([^)\n]{0,1000}\)/g, "$1")
      .replace(/[*_`~]+/g, "")
      .replace(/(^|\n)[ \t]*(#+|>|[-*+]|\d+\.)[ \t]+/g, "$1"),
  )
    .replaceAll(MATCH_START, "«")
    .replaceAll(MATCH_END, "»");
  const cut = truncate(plain, MAX_SNIPPET_LENGTH);
  const open = cut.lastIndexOf("«");
  return open > cut.lastIndexOf("»") ? `${cut.slice(0, open)}${cut.slice(open + 1)}` : cut;
}
