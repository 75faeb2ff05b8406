import { createHash } from "node:crypto";
import type { Root } from "hast";
import { toHtml } from "hast-util-to-html";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { canRenderMarkdown } from "@/lib/markdown-limits";
import { rehypeHearth, TOO_COMPLEX_NOTE } from "@/lib/markdown-rules";
import { CookedCache } from "@/server/markdown/cooked-cache";

/**
 * Markdown "cooked" to HTML once per distinct text, as Discourse does, so pages neither parse it
 * on the server for every view nor again in the browser: DTOs carry the HTML beside the source
 * (`bodyHtml` beside `body`…) and pages show it with CookedMarkdown.
 *
 * The pipeline is react-markdown's (remark-parse, then remark-rehype with `allowDangerousHtml`, so
 * that raw HTML reaches the rules and becomes text), with Hearth's rules (src/lib/markdown-rules.ts),
 * printed by hast-util-to-html with void elements closed as React closes them (`<br/>`).
 */
const processor = unified().use(remarkParse).use(remarkRehype, { allowDangerousHtml: true }).use(rehypeHearth).freeze();

function plainText(source: string): Root {
  return {
    type: "root",
    children: [
      { type: "element", tagName: "p", properties: { className: ["whitespace-pre-wrap", "break-words"] }, children: [{ type: "text", value: source }] },
      { type: "element", tagName: "p", properties: { className: ["text-sm", "text-muted"] }, children: [{ type: "text", value: TOO_COMPLEX_NOTE }] },
    ],
  };
}

/** The HTML of `source`, without a cache: the same markup MarkdownText renders inside its `div.markdown`. */
function renderMarkdown(source: string): string {
  const tree = canRenderMarkdown(source) ? processor.runSync(processor.parse(source)) : plainText(source);
  return toHtml(tree, { closeSelfClosing: true, tightSelfClosing: true, characterReferences: { useNamedReferences: true } });
}

/**
 * At most 8 million characters of HTML (and keys) are kept: about 8 MB, as V8 stores text of Latin
 * scripts one byte a character (16 MB at most for others). The 50 comments of the benchmark's
 * thread page cook to about 20,000 characters, so this holds some 400 such pages, far more than a
 * steering group reads at once, while no run of long comments can grow the server's memory past
 * it. A text whose HTML was evicted is cooked again when next read.
 */
const cache = new CookedCache(8_000_000);

/**
 * V8 hashes a string of up to this many characters by its content, and a longer one by its length
 * alone, so that two long texts of one length would be compared character by character.
 */
const LONGEST_KEYED_BY_TEXT = 16_383;

/**
 * Keyed by what the text is, never by who reads it: the cache only ever answers with the HTML of
 * text the caller already holds, so it cannot show anyone something they may not see. A text is
 * its own key (hashing each with SHA-256 cost a twentieth of a comment list); a longer one is
 * keyed by its SHA-256 instead, of its UTF-16 code units (UTF-8 would give a lone surrogate and
 * U+FFFD the same bytes). The first character tells the two kinds apart, so no text can pose as
 * another's hash. Keys count towards the cache's bound.
 */
function keyOf(source: string): string {
  if (source.length <= LONGEST_KEYED_BY_TEXT) return `t${source}`;
  return `h${source.length}:${createHash("sha256").update(source, "utf16le").digest("base64")}`;
}

/** The cooked HTML of `source`, from the cache when this text was cooked before. */
export function cookMarkdown(source: string): string {
  if (source === "") return "";
  const key = keyOf(source);
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  const html = renderMarkdown(source);
  cache.set(key, html);
  return html;
}

/** Cooks text as it is written, so its first reader finds it ready; empty and absent fields are skipped. */
export function cookAhead(...sources: (string | null | undefined)[]): void {
  for (const source of sources) if (source) cookMarkdown(source);
}
