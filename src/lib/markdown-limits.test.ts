import { describe, expect, it } from "vitest";
import { MARKDOWN_LIMIT_MESSAGES, canRenderMarkdown, markdownLimitExceeded, markdownProblem } from "@/lib/markdown-limits";

const fill = (unit: string, length = 50_000) => unit.repeat(Math.floor(length / unit.length));

/** Long minutes as a group might keep them: headings, nested lists, links, mentions, quotes. */
function minutes(length = 49_000): string {
  let text = "# Steering group, minutes\n\n";
  for (let item = 1; text.length < length; item += 1) {
    text +=
      `## ${item}. The **hospice** plans\n\nPriya said we should [read the report](https://example.org/r/${item}) first, and _Sam_ agreed.\n\n` +
      `- Decision: go ahead with \`phase ${item}\`\n  - owner: [@Priya Shah](mention:cmabc1234567)\n  - due: next month\n- Open question: *funding*\n\n` +
      "> From the letter: we are grateful for the support.\n\n";
  }
  return text;
}

/** A how-to with underlined headings, fenced code full of marks, and numbered lists. */
function howTo(length = 49_000): string {
  let text = "";
  for (let step = 1; text.length < length; step += 1) {
    text +=
      `Setup step ${step}\n-------------\n\nRun this:\n\n\`\`\`sh\nnpm run build -- --flag=${step} && echo "done_${step}" > /tmp/out_${step}.txt\n` +
      "for f in *.md; do cat \"$f\" | grep -v '^#' ; done\n```\n\n1. First\n2. Second with <kbd>Ctrl</kbd>\n   1. nested\n3. Third\n\n";
  }
  return text;
}

describe("markdownLimitExceeded", () => {
  it("accepts long documents written by hand", () => {
    expect(markdownLimitExceeded(minutes())).toBeNull();
    expect(markdownLimitExceeded(howTo())).toBeNull();
    expect(markdownLimitExceeded(fill("We met on **Tuesday** about the [hospice](https://example.org), and _agreed_.\n\n"))).toBeNull();
  });

  it("accepts quotes and lists nested 12 deep, however the lists are indented", () => {
    expect(markdownLimitExceeded(`${"> ".repeat(12)}Twelve quotes deep`)).toBeNull();
    expect(markdownLimitExceeded(`${"- ".repeat(12)}Twelve items on one line`)).toBeNull();
    for (const indent of [2, 3, 4]) {
      const list = Array.from({ length: 12 }, (_, level) => `${" ".repeat(level * indent)}- level ${level + 1}`).join("\n");
      expect(markdownLimitExceeded(list)).toBeNull();
    }
    expect(markdownLimitExceeded("> - quoted list\n>   - nested\n>     > quote in it")).toBeNull();
  });

  it("refuses a 13th level of quotes or lists", () => {
    expect(markdownLimitExceeded(`${"> ".repeat(13)}Too deep`)).toBe("depth");
    expect(markdownLimitExceeded(`${"- ".repeat(13)}Too deep`)).toBe("depth");
    expect(markdownLimitExceeded(`${">".repeat(13)}Too deep`)).toBe("depth");
    const list = Array.from({ length: 13 }, (_, level) => `${" ".repeat(level * 4)}- level ${level + 1}`).join("\n");
    expect(markdownLimitExceeded(list)).toBe("depth");
    expect(markdownLimitExceeded("> ".repeat(24_000))).toBe("depth");
  });

  it("reads a line of * or - as a rule, not as nested lists", () => {
    expect(markdownLimitExceeded(`Above\n\n${"* ".repeat(40)}\n\nBelow`)).toBeNull();
    expect(markdownLimitExceeded(fill("- ", 48_000))).toBeNull();
  });

  it("refuses quotes and nested lists that end thousands of times", () => {
    expect(markdownLimitExceeded(fill("> a\n\n"))).toBe("blocks");
    expect(markdownLimitExceeded(fill("- - a\n"))).toBe("blocks");
    expect(markdownLimitExceeded(fill("- a\n  - b\n"))).toBe("blocks");
    expect(markdownLimitExceeded(fill("- one item\n\n> a quote\n\n"))).toBe("blocks");
    // A long flat list is fine: its items follow each other without anything ending.
    expect(markdownLimitExceeded(fill("- an item\n"))).toBeNull();
  });

  it("refuses a quote continued by thousands of lines without “>”", () => {
    expect(markdownLimitExceeded(`> Quoted\n${"and more\n".repeat(5_000)}`)).toBe("lazyLines");
    expect(markdownLimitExceeded(`> Quoted\n${"and more\n".repeat(100)}`)).toBeNull();
  });

  it("refuses thousands of underlined headings", () => {
    expect(markdownLimitExceeded(fill("Heading\n=======\n\n"))).toBe("setextHeadings");
    expect(markdownLimitExceeded(fill("a\n-\n"))).toBe("setextHeadings");
  });

  it("refuses paragraphs packed with marks that make the parser go back and forth", () => {
    const attacks = [
      "[".repeat(50_000),
      fill("[a]("),
      fill("*_"),
      fill("a* "),
      `${"*".repeat(1_500)}deep${"*".repeat(1_500)}`,
      `${"*a ".repeat(800)}b${" a*".repeat(800)}`,
      `${"[".repeat(20_000)}${"]".repeat(20_000)}(a)`,
    ];
    for (const attack of attacks) expect(markdownLimitExceeded(attack)).toBe("formatting");
  });

  it("counts that every closing bracket is looked up among every link definition", () => {
    const brackets = `${"[x] ".repeat(100)}\n\n`.repeat(40);
    expect(markdownLimitExceeded(brackets)).toBeNull();
    expect(markdownLimitExceeded(`${Array.from({ length: 2_000 }, (_, n) => `[d${n}]: /x\n`).join("")}\n${brackets}`)).toBe("formatting");
  });

  it("takes time in proportion to the text", () => {
    const started = performance.now();
    for (const text of ["> ".repeat(500_000), "*a ".repeat(300_000), "b\n".repeat(500_000), "[a](".repeat(250_000)]) markdownLimitExceeded(text);
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});

describe("markdownProblem", () => {
  it("says what to change", () => {
    expect(markdownProblem("> ".repeat(24_000))).toBe("Quotes and lists can be nested at most 12 deep.");
    expect(markdownProblem(fill("Heading\n=======\n\n"))).toBe(MARKDOWN_LIMIT_MESSAGES.setextHeadings);
    expect(markdownProblem("Fine *text*")).toBeNull();
  });
});

describe("canRenderMarkdown", () => {
  it("leaves text longer than any field allows, or beyond a limit, to be shown as plain text", () => {
    expect(canRenderMarkdown(minutes())).toBe(true);
    expect(canRenderMarkdown("a".repeat(60_001))).toBe(false);
    expect(canRenderMarkdown("> ".repeat(24_000))).toBe(false);
  });
});
