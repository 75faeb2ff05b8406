import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { MarkdownText } from "@/components/markdown";

const render = (source: string) => renderToString(createElement(MarkdownText, { source }));

function timed(source: string): { html: string; ms: number } {
  const started = performance.now();
  const html = render(source);
  return { html, ms: performance.now() - started };
}

describe("MarkdownText on text no parser should be left to chew on", () => {
  it("shows a 48 KB comment of nested quotes as plain text, at once", () => {
    // Before: about 33 s of one core, ending in "Maximum call stack size exceeded" (a 500).
    const { html, ms } = timed("> ".repeat(24_000));
    expect(ms).toBeLessThan(1_000);
    expect(html).toContain(`<p class="whitespace-pre-wrap break-words">${"&gt; ".repeat(100)}`);
    expect(html).not.toContain("<blockquote>");
    expect(html).toContain("Shown as plain text: its formatting is too complex for Hearth to display.");
  });

  it("keeps every other pathological shape quick, rendered or shown as text", () => {
    const fill = (unit: string) => unit.repeat(Math.floor(50_000 / unit.length));
    const shapes = [
      "[".repeat(50_000),
      fill("[a]("),
      fill("*_"),
      fill("a* "),
      `${"*".repeat(20_000)}a${"*".repeat(20_000)}`,
      fill("- - a\n"),
      fill("> a\n\n"),
      fill("a\n=\n\n"),
      `> a\n${"b\n".repeat(20_000)}`,
      `${"[".repeat(20_000)}${"]".repeat(20_000)}(a)`,
    ];
    for (const source of shapes) {
      const { html, ms } = timed(source);
      expect(ms, source.slice(0, 20)).toBeLessThan(1_000);
      expect(html).toContain("whitespace-pre-wrap");
    }
  });

  it("escapes what it shows as plain text", () => {
    const html = render(`${"> ".repeat(13)}<script>alert(1)</script>`);
    expect(html).toContain("&lt;script&gt;");
    expect(html).not.toContain("<script>");
  });

  it("still renders ordinary markdown", () => {
    const html = render("We **agreed**.\n\n> A quote\n\n- one\n- two");
    expect(html).toContain("<strong>agreed</strong>");
    expect(html).toContain("<blockquote>");
    expect(html).toContain("<li>two</li>");
  });
});

describe("MarkdownText images", () => {
  it("loads images uploaded to Hearth", () => {
    expect(render("![The garden](/api/images/cmimg1234567)")).toContain('<img src="/api/images/cmimg1234567" alt="The garden"');
    expect(render("![Minutes](/api/files/cmfile123456)")).toContain('<img src="/api/files/cmfile123456" alt="Minutes"');
  });

  it("shows any other image as a link, so no page loads a tracking pixel", () => {
    for (const src of [
      "https://tracker.example/pixel.gif",
      "//tracker.example/api/images/x",
      "/api/images/../../auth/signout",
      "/api/images/x/../../y",
      "http://localhost/api/images/abc",
      "data:image/png;base64,iVBORw0KGgo=",
    ]) {
      const html = render(`![pixel](${src})`);
      expect(html, src).not.toContain("<img");
      expect(html, src).toContain("[image: pixel]");
    }
    expect(render("![pixel](https://tracker.example/p.gif)")).toContain(
      '<a href="https://tracker.example/p.gif" rel="noopener nofollow ugc noreferrer" target="_blank">[image: pixel]</a>',
    );
  });

  it("shows an image with an unsafe address as its description only", () => {
    const html = render("![click](javascript:alert(1))");
    expect(html).not.toContain("<img");
    expect(html).not.toContain("javascript:");
    expect(html).toContain("[image: click]");
  });
});
