import { describe, expect, it } from "vitest";
import { cleanText, listExcerpt, plainExcerpt, truncate } from "@/lib/text";

describe("truncate", () => {
  it("keeps short text as it is, trimmed", () => {
    expect(truncate("  Hospice nurse  ", 280)).toBe("Hospice nurse");
  });

  it("cuts at a word boundary and marks the cut", () => {
    expect(truncate("Volunteer coordinator at the hospice", 24)).toBe("Volunteer coordinator…");
  });

  it("cuts inside a long word when there is no boundary near the end", () => {
    const result = truncate("a".repeat(50), 10);
    expect(result).toBe(`${"a".repeat(9)}…`);
  });
});

describe("plainExcerpt", () => {
  it("drops markdown markup and link targets", () => {
    expect(plainExcerpt("## Aims\n\nWe **care** for [Bath](https://example.org).", 100)).toBe("Aims We care for Bath.");
  });
});

describe("excerpts of long or strange text", () => {
  it("take time in proportion to their length, not its square", () => {
    // At 50,000 characters these took about 4 s each when the link pattern rescanned the rest of
    // the text from every "[": at 200,000 that is about a minute, and linear work is milliseconds.
    // The ceiling sits far from both, so a busy machine cannot fail it.
    for (const text of ["[".repeat(200_000), "\n".repeat(200_000), " \n".repeat(100_000), "[a](".repeat(50_000)]) {
      const started = performance.now();
      plainExcerpt(text, 200);
      listExcerpt(text, 200);
      expect(performance.now() - started).toBeLessThan(5_000);
    }
  });

  it("keep link and mention text in list previews", () => {
    expect(listExcerpt("# Title\n\nUse **threads**, _decisions_ and [@Priya Shah](mention:cmabc1234567).\n- one\n- two", 200)).toBe(
      "Title Use threads, decisions and @Priya Shah. one two",
    );
    expect(listExcerpt(`See [the notes](https://example.org/a "Notes") ${"word ".repeat(100)}`, 30)).toBe("See the notes word word word …");
  });
});

describe("cleanText", () => {
  it("drops NUL and other control characters but keeps tabs and line breaks", () => {
    expect(cleanText("a\u0000b\u0007c\u001bd\te\r\nf\u000bg")).toBe("abcd\te\r\nfg");
  });

  it("replaces halves of broken surrogate pairs and keeps whole ones", () => {
    expect(cleanText("ok 🙂 \ud83d end \ude42")).toBe("ok 🙂 \ufffd end \ufffd");
    expect(cleanText("Groupe d’entraide 🌱")).toBe("Groupe d’entraide 🌱");
  });
});
