import { describe, expect, it } from "vitest";
import { hasCriteria, parseQuery } from "@/server/search/parse";
import { MAX_QUERY_LENGTH, QUERY_TOO_LONG, TOO_MANY_TERMS } from "@/server/search/schemas";

const nothing = { words: [], phrases: [], excluded: [], authors: [], groupHandles: [], types: [], status: null, before: null, after: null, order: "newest", ignored: [] };

describe("parseQuery", () => {
  it("takes words, phrases and exclusions apart, lower-cased and each once", () => {
    expect(parseQuery('Transport  "Spring Plan" -bus -"night bus" transport')).toEqual({
      ...nothing,
      words: ["transport"],
      phrases: ["spring plan"],
      excluded: ["bus", "night bus"],
    });
    // A quoted single word is a word; an unbalanced quote closes at the end.
    expect(parseQuery('"budget" "open air')).toMatchObject({ words: ["budget"], phrases: ["open air"] });
  });

  it("reads the operators, in any case, and keeps the last status and dates", () => {
    expect(parseQuery('@ada @"Grace Hopper" IN:Garden in:"garden" type:Poll type:comment status:open status:CLOSED before:2025-06-01 after:2025-01-31 budget')).toEqual({
      ...nothing,
      words: ["budget"],
      authors: ["ada", "Grace Hopper"],
      groupHandles: ["garden"],
      types: ["poll", "comment"],
      status: "closed",
      before: new Date("2025-06-01T00:00:00Z"),
      after: new Date("2025-01-31T00:00:00Z"),
    });
  });

  it("reports unknown operators and meaningless values as typed, and searches without them", () => {
    expect(parseQuery("foo:bar type:threads status:done before:2025-02-30 after:tomorrow in:\"\" -type:poll -@ada budget")).toEqual({
      ...nothing,
      words: ["budget"],
      ignored: ["foo:bar", "type:threads", "status:done", "before:2025-02-30", "after:tomorrow", 'in:""', "-type:poll", "-@ada"],
    });
  });

  it("treats everything else as text: FTS syntax, addresses, times and lone punctuation", () => {
    expect(parseQuery('NEAR(a b) col:"x" * ( ) : - @ ^ 10:30 https://example.org/x e-mail "')).toEqual({
      ...nothing,
      words: ["near(a", "b)", "10:30", "https://example.org/x", "e-mail"],
      ignored: ['col:"x"'],
    });
  });

  it("says whether there is anything to look for", () => {
    expect(hasCriteria(parseQuery(""))).toBe(false);
    expect(hasCriteria(parseQuery('* ( -budget foo:bar "'))).toBe(false);
    expect(hasCriteria(parseQuery("budget"))).toBe(true);
    expect(hasCriteria(parseQuery("type:poll"))).toBe(true);
    expect(hasCriteria(parseQuery("@ada"))).toBe(true);
  });

  it("refuses queries too long or with too many parts, counting each word of a phrase", () => {
    expect(() => parseQuery(`  ${"a".repeat(MAX_QUERY_LENGTH)}  `)).not.toThrow();
    expect(() => parseQuery("a".repeat(MAX_QUERY_LENGTH + 1))).toThrow(QUERY_TOO_LONG);
    const words = (count: number) => Array.from({ length: count }, (_, index) => `w${index}`);
    expect(() => parseQuery(words(20).join(" "))).not.toThrow();
    expect(() => parseQuery(words(21).join(" "))).toThrow(TOO_MANY_TERMS);
    expect(() => parseQuery(`"${words(15).join(" ")}" ${words(5).map((word) => `-${word}x`).join(" ")} type:poll`)).toThrow(TOO_MANY_TERMS);
    // Ignored operators and punctuation cost nothing.
    expect(() => parseQuery(`${words(20).join(" ")} ${"foo:bar ".repeat(20)} * * *`)).not.toThrow();
  });
});
