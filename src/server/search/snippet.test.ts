import { describe, expect, it } from "vitest";
import { MATCH_END, MATCH_START } from "@/server/search/backend";
import { MAX_SNIPPET_LENGTH, snippetText } from "@/server/search/snippet";

const mark = (word: string) => `${MATCH_START}${word}${MATCH_END}`;

describe("snippetText", () => {
  it("marks matches with guillemets, and turns guillemets of the text into quotation marks", () => {
    expect(snippetText(`Il a dit « ${mark("bonjour")} » au ${mark("café")}`)).toBe("Il a dit “ «bonjour» ” au «café»");
  });

  it("drops markdown's markup and link targets, keeping their text", () => {
    expect(snippetText(`## Plan\n\n- **${mark("Budget")}** for [the ${mark("garden")}](https://example.org) by [@Ada](mention:abc)\n> \`quoted\``)).toBe(
      "Plan · «Budget» for the «garden» by @Ada · quoted",
    );
  });

  it("keeps list items and lines apart, and lets a sentence's end do that by itself", () => {
    expect(snippetText(`- item one\n- item ${mark("two")}\n* item three\n\n1. first\n2. second`)).toBe("item one · item «two» · item three · first · second");
    expect(snippetText(`We met.\nAgenda:\n  budget\r\n  ${mark("garden")}`)).toBe("We met. Agenda: budget · «garden»");
  });

  it("stays short, and never leaves a mark open", () => {
    const long = snippetText(`${"word ".repeat(58)}${mark("x".repeat(40))}`);
    expect(long.length).toBeLessThanOrEqual(MAX_SNIPPET_LENGTH);
    expect(long.split("«").length).toBe(long.split("»").length);
    expect(long).not.toContain("«");
  });
});
