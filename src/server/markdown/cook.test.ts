import { createHash } from "node:crypto";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { MarkdownText } from "@/components/markdown";
import { cookMarkdown } from "@/server/markdown/cook";
import { htmlTokens } from "@/server/test/html-tokens";

const CHARACTER_REFERENCE = /&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi;
const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(CHARACTER_REFERENCE, (_, name: string) => {
    if (name.startsWith("#")) return String.fromCodePoint(Number.parseInt(name.slice(2), 16) || Number(name.slice(1)));
    return NAMED[name.toLowerCase()]!;
  });
}

/**
 * The one insignificant difference normalised away: which characters are written as character
 * references. React writes &lt; &gt; &amp; &quot; &#x27; in text and attributes; hast-util-to-html
 * only what must be (< and & in text, " and & in attributes). Both are read back by the same
 * tokenizer, so markup that differs in any other way (a tag, an attribute, its order, a space)
 * still fails the comparison.
 */
function canonical(html: string): string {
  return htmlTokens(html)
    .map((token) =>
      token.type === "text"
        ? decode(token.text).replaceAll("&", "&amp;").replaceAll("<", "&lt;")
        : token.source.replace(/="([^"]*)"/g, (_, value: string) => `="${decode(value).replaceAll("&", "&amp;").replaceAll('"', "&quot;")}"`),
    )
    .join("");
}

const reactHtml = (source: string) => renderToStaticMarkup(createElement(MarkdownText, { source }));
const cookedHtml = (source: string) => `<div class="markdown ">${cookMarkdown(source)}</div>`;

/** What people write, and what they might write to attack a page. */
const CORPUS: Record<string, string> = {
  "emphasis and punctuation": `We **agreed**, _mostly_ — it's "done" > 3 & <5.`,
  "a link with a title": `See [the charter](https://example.org/charter?a=1&b="2" 'Charter') and <https://example.org/auto>.`,
  "a mention": "Thanks [@Priya Shah](mention:cmuser123456) and [@Sam](mention:cmuser654321).",
  "a Hearth image and a file": "![The garden](/api/images/cmimg1234567 \"Garden\") ![Minutes](/api/files/cmfile123456?download=1)",
  "a foreign image": "![pixel](https://tracker.example/p.png)",
  "an image without description": "![](https://tracker.example/p.png)",
  "image addresses that only look like Hearth's": "![a](/api/images/../../auth/signout) ![b](//tracker.example/api/images/x)",
  "a javascript: image": "![click](javascript:alert(1))",
  "a mention: image": "![m](mention:cmuser123456)",
  "javascript: and data: links": "[x](javascript:alert(1)) [y](JAVASCRIPT:alert(1)) [z](data:text/html,<script>alert(1)</script>)",
  "a link without an address": "[nothing]()",
  "an image inside a link": "[![logo](/api/images/cmimg1234567)](https://example.org)",
  "raw script": "<script>alert(1)</script>",
  "raw image with a handler": "<img src=x onerror=alert(1)>",
  "inline raw HTML": 'Some <b onclick="steal()">bold</b> and <a href="javascript:x">a link</a>.',
  "an HTML comment": "<!-- hidden -->visible",
  "nested lists": "- one\n  - two\n    - three\n- four\n\n1. first\n2. second\n   1. inner",
  "code": "Inline `<code> & 'quotes'` and\n\n```js\nconst a = '<b>' && \"x\";\n```\n\n    indented <i>code</i>",
  "quotes, headings, breaks and rules": "# Title\n\n## Sub\n\n> A quote\n> > nested\n\nline one  \nline two\\\nline three\n\n---\n\nSetext\n===",
  "entities": "a&nbsp;b &amp; &copy; &#x27; &#39; &quot; &bogus;",
  "reference links": "[ref] and [other][ref]\n\n[ref]: https://example.org/ref \"Ref\"",
  "over the limits": `${"> ".repeat(13)}<script>alert(1)</script> **not bold**`,
  "over the length": `${"word ".repeat(12_001)}<b>`,
};

describe("cookMarkdown and MarkdownText", () => {
  it.each(Object.entries(CORPUS))("give the same HTML: %s", (_, source) => {
    expect(canonical(cookedHtml(source))).toBe(canonical(reactHtml(source)));
  });

  it("differ in nothing but character references on ordinary text", () => {
    const source = "Plain **words** with [a link](https://example.org) and ![an image](/api/images/cmimg1234567).";
    expect(cookedHtml(source)).toBe(reactHtml(source));
  });

  it("show text beyond the limits as escaped plain text with a note", () => {
    const html = cookMarkdown(CORPUS["over the limits"]!);
    expect(html).toContain(`<p class="whitespace-pre-wrap break-words">${"> ".repeat(13)}&lt;script>alert(1)&lt;/script> **not bold**</p>`);
    expect(html).toContain('<p class="text-sm text-muted">Shown as plain text: its formatting is too complex for Hearth to display.</p>');
  });
});

describe("cookMarkdown on hostile text", () => {
  const hostile = [
    "<img src=x onerror=alert(1)>",
    "<script>alert(1)</script>",
    "[x](javascript:alert(1))",
    "![](https://tracker.example/p.png)",
    '<a href="javascript:alert(1)">y</a>',
    "![click](javascript:alert(1))",
    "<svg onload=alert(1)>",
    "<iframe src=https://evil.example></iframe>",
  ].join("\n\n");

  it("makes no element with a handler, no script, no foreign image and no javascript: address", () => {
    const tags = htmlTokens(cookMarkdown(hostile)).flatMap((token) => (token.type === "tag" ? [token] : []));
    expect(tags.map(({ name }) => name)).not.toEqual(expect.arrayContaining(["script", "img", "svg", "iframe"]));
    for (const tag of tags) {
      for (const [name, value] of tag.attributes) {
        expect(name).not.toMatch(/^on/);
        expect(decode(value)).not.toMatch(/^\s*javascript:/i);
      }
    }
    expect(cookMarkdown(hostile)).toContain('<a href="https://tracker.example/p.png" rel="noopener nofollow ugc noreferrer" target="_blank">[image]</a>');
  });

  it("keeps images uploaded to Hearth as images", () => {
    expect(cookMarkdown("![The garden](/api/images/cmimg1234567)")).toBe(
      '<p><img src="/api/images/cmimg1234567" alt="The garden" loading="lazy" class="max-w-full"/></p>',
    );
  });
});

describe("cookMarkdown's cache", () => {
  it("answers the same text with the same HTML, and different text with its own", () => {
    const first = cookMarkdown("Cached **once**");
    expect(cookMarkdown("Cached **once**")).toBe(first);
    expect(cookMarkdown("Cached **twice**")).toBe("<p>Cached <strong>twice</strong></p>");
  });

  it("tells apart texts that differ only in a lone surrogate and its replacement, short or long (keyed by a hash)", () => {
    expect(cookMarkdown("b\uD800")).toBe("<p>b\uD800</p>");
    expect(cookMarkdown("b\uFFFD")).toBe("<p>b\uFFFD</p>");
    const long = "b".repeat(20_000);
    expect(cookMarkdown(`${long}\uD800`)).toBe(`<p>${long}\uD800</p>`);
    expect(cookMarkdown(`${long}\uFFFD`)).toBe(`<p>${long}\uFFFD</p>`);
  });

  it("never answers a short text with the HTML of the long text whose hash it spells", () => {
    const long = `**${"c".repeat(20_000)}**`;
    cookMarkdown(long);
    const spelled = `h${long.length}:${createHash("sha256").update(long, "utf16le").digest("base64")}`;
    expect(cookMarkdown(spelled)).toBe(`<p>${spelled}</p>`);
    expect(cookMarkdown(long)).toBe(`<p><strong>${"c".repeat(20_000)}</strong></p>`);
  });
});
