import { describe, expect, it } from "vitest";
import { blocksOf, type PmNode } from "@/server/documents/versions/content";
import { diffBlocks } from "@/server/documents/versions/diff";
import { toHtmlDocument } from "@/server/documents/versions/html";
import { toMarkdown } from "@/server/documents/versions/markdown";
import { contentOf } from "@/server/documents/versions/state";
import { heading, paragraph, stateOf } from "@/server/documents/versions/test-content";

const doc = (...content: PmNode[]): PmNode => ({ type: "doc", content });

const rich = doc(
  heading(1, "Our vision"),
  {
    type: "paragraph",
    content: [
      { type: "text", text: "We " },
      { type: "text", text: "care", marks: [{ type: "bold" }] },
      { type: "text", text: " for " },
      { type: "text", text: "the valley", marks: [{ type: "link", attrs: { href: "https://example.org/valley" } }] },
      { type: "text", text: " <script>alert(1)</script>", marks: [{ type: "italic" }] },
    ],
  },
  {
    type: "bulletList",
    content: [
      { type: "listItem", content: [paragraph("Water"), { type: "orderedList", content: [{ type: "listItem", content: [paragraph("Wells")] }] }] },
      { type: "listItem", content: [paragraph("Woods")] },
    ],
  },
  { type: "blockquote", content: [paragraph("Leave it better")] },
  {
    type: "table",
    content: [
      { type: "tableRow", content: [{ type: "tableHeader", content: [paragraph("Goal")] }, { type: "tableHeader", content: [paragraph("When")] }] },
      { type: "tableRow", content: [{ type: "tableCell", content: [paragraph("Clean river | all of it")] }, { type: "tableCell", content: [paragraph("2030")] }] },
    ],
  },
  { type: "paragraph", content: [{ type: "text", text: "bad link", marks: [{ type: "link", attrs: { href: "javascript:alert(1)" } }] }] },
);

describe("rendering a version", () => {
  it("reads content back from a Yjs state built with the real schema", () => {
    const content = contentOf(stateOf([heading(2, "Title"), paragraph("Body")]));
    expect(blocksOf(content)).toEqual([
      { kind: "heading", level: 2, quote: false, text: "Title" },
      { kind: "paragraph", level: 0, quote: false, text: "Body" },
    ]);
  });

  it("flattens lists, quotes and tables into blocks", () => {
    expect(blocksOf(rich).map((block) => [block.kind, block.level, block.quote, block.text])).toEqual([
      ["heading", 1, false, "Our vision"],
      ["paragraph", 0, false, "We care for the valley <script>alert(1)</script>"],
      ["bullet", 1, false, "Water"],
      ["ordered", 2, false, "Wells"],
      ["bullet", 1, false, "Woods"],
      ["paragraph", 0, true, "Leave it better"],
      ["row", 0, false, "Goal | When"],
      ["row", 0, false, "Clean river | all of it | 2030"],
      ["paragraph", 0, false, "bad link"],
    ]);
  });

  it("exports Markdown with headings, marks, nested lists, quotes and tables", () => {
    const markdown = toMarkdown(rich, "Vision #1");
    expect(markdown).toContain("# Vision \\#1\n");
    expect(markdown).toContain("# Our vision");
    expect(markdown).toContain("We **care** for [the valley](<https://example.org/valley>) _\\<script\\>alert(1)\\</script\\>_");
    expect(markdown).toContain("- Water\n  1. Wells\n- Woods");
    expect(markdown).toContain("> Leave it better");
    expect(markdown).toContain("| Goal | When |\n| --- | --- |\n| Clean river \\| all of it | 2030 |");
    expect(markdown).toContain("\n\nbad link");
    expect(markdown).not.toContain("javascript:");
  });

  it("exports standalone HTML with every piece of user text escaped and a print stylesheet", () => {
    const html = toHtmlDocument(rich, { title: "Vision <b>", subtitle: "Current text" });
    expect(html).toContain("<title>Vision &#60;b&#62;</title>");
    expect(html).toContain("<h2>Our vision</h2>");
    expect(html).toContain('<a href="https://example.org/valley">the valley</a>');
    expect(html).toContain("<em> &#60;script&#62;alert(1)&#60;/script&#62;</em>");
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("javascript:");
    expect(html).toContain("<ul><li><p>Water</p><ol><li><p>Wells</p></li></ol></li>");
    expect(html).toContain("<th><p>Goal</p></th>");
    expect(html).toContain("@media print");
  });
});

describe("diffing two versions", () => {
  const before = [heading(1, "Vision"), paragraph("We keep the river clean."), paragraph("Old paragraph that goes away entirely.")];

  it("marks inserted and deleted words inside a changed paragraph", () => {
    const diff = diffBlocks(blocksOf(doc(...before)), blocksOf(doc(heading(1, "Vision"), paragraph("We keep the whole river clean."), before[2]!)));
    expect(diff.blocks.map((block) => block.change)).toEqual(["same", "changed", "same"]);
    expect(diff.blocks[1]!.parts.filter((part) => part.change !== "same")).toEqual([{ text: "whole ", change: "inserted" }]);
    expect(diff.insertedWords).toBe(1);
    expect(diff.deletedWords).toBe(0);
  });

  it("shows a removed block as deleted and a new one as inserted", () => {
    const diff = diffBlocks(blocksOf(doc(...before)), blocksOf(doc(before[0]!, before[1]!, paragraph("A brand new closing thought here."))));
    expect(diff.blocks.map((block) => [block.change, block.parts.map((part) => part.change)])).toEqual([
      ["same", ["same"]],
      ["same", ["same"]],
      ["deleted", ["deleted"]],
      ["inserted", ["inserted"]],
    ]);
    expect(diff.deletedWords).toBe(6);
  });

  it("notices a heading whose level or words changed", () => {
    const diff = diffBlocks(blocksOf(doc(...before)), blocksOf(doc(heading(2, "Our Vision"), before[1]!, before[2]!)));
    expect(diff.blocks[0]).toMatchObject({
      kind: "heading",
      level: 2,
      change: "changed",
      previous: { kind: "heading", level: 1 },
      parts: [
        { text: "Our ", change: "inserted" },
        { text: "Vision", change: "same" },
      ],
    });
  });
});
