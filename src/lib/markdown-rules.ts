import type { Element, ElementContent, Root, RootContent } from "hast";
import { defaultUrlTransform } from "react-markdown";

/**
 * How Hearth shows what people write, as one rehype plugin on the tree that markdown becomes:
 * the editor's live preview (MarkdownText, through react-markdown) and the HTML the server cooks
 * once per text (src/server/markdown/cook.ts) both run it, so they cannot disagree
 * (src/server/markdown/cook.test.ts renders a corpus through both).
 *
 * - Raw HTML is never rendered: it stays text, so script and style injection show as typed.
 * - Addresses go through react-markdown's defaultUrlTransform (javascript: and the like become
 *   empty), except `mention:` links (see src/lib/mentions.ts), which show as highlighted names.
 * - Links leave with rel="noopener nofollow ugc" in a new tab; a link left without an address
 *   is its text only.
 * - Images load only from Hearth itself (see isHearthImageUrl); any other image is a link
 *   labelled "[image: alt]", and one without a usable address is that label alone.
 */

/** Shown under text beyond the limits of src/lib/markdown-limits.ts, which is shown as plain text instead. */
export const TOO_COMPLEX_NOTE = "Shown as plain text: its formatting is too complex for Hearth to display.";

export function safeUrl(url: string): string {
  return url.startsWith("mention:") ? url : defaultUrlTransform(url);
}

/** Files and images uploaded to Hearth itself: the only images a page loads, so none can track readers. */
const HEARTH_IMAGE = /^\/api\/(?:files|images)\/[A-Za-z0-9_-]{1,100}(?:\?[A-Za-z0-9_=&.-]*)?$/;

export function isHearthImageUrl(src: string): boolean {
  return HEARTH_IMAGE.test(src);
}

const LINK_REL = ["noopener", "nofollow", "ugc"];
const MENTION_CLASS = "rounded bg-ember-50 px-1 font-semibold text-ember-800".split(" ");

function element(tagName: string, properties: Element["properties"], children: ElementContent[]): Element {
  return { type: "element", tagName, properties, children };
}

/** An address of the tree as react-markdown would pass it on: transformed, "" when unsafe or missing. */
function addressOf(node: Element, key: "href" | "src"): string {
  return safeUrl(String(node.properties[key] ?? ""));
}

function link(node: Element): ElementContent[] {
  const href = addressOf(node, "href");
  if (href.startsWith("mention:")) return [element("span", { className: MENTION_CLASS }, node.children)];
  if (!href) return node.children;
  return [element("a", { href, rel: LINK_REL, target: "_blank" }, node.children)];
}

function image(node: Element): ElementContent[] {
  const src = addressOf(node, "src");
  const alt = node.properties.alt === undefined || node.properties.alt === null ? "" : String(node.properties.alt);
  const label: ElementContent = { type: "text", value: `[image${alt ? `: ${alt}` : ""}]` };
  if (!src) return [label];
  if (isHearthImageUrl(src)) return [element("img", { src, alt, loading: "lazy", className: ["max-w-full"] }, [])];
  return [element("a", { href: src, rel: [...LINK_REL, "noreferrer"], target: "_blank" }, [label])];
}

function rewrite(node: ElementContent): ElementContent[] {
  if (node.type === "raw") return [{ type: "text", value: node.value }];
  if (node.type !== "element") return [node];
  node.children = node.children.flatMap(rewrite);
  if (node.tagName === "a") return link(node);
  if (node.tagName === "img") return image(node);
  return [node];
}

/** The rehype plugin: rewrites the tree remark-rehype made (with `allowDangerousHtml`, as react-markdown runs it). */
export function rehypeHearth() {
  return (tree: Root) => {
    // Markdown never makes a doctype, the one kind of root content that is not element content.
    tree.children = tree.children.flatMap((node): RootContent[] => (node.type === "doctype" ? [node] : rewrite(node)));
  };
}
