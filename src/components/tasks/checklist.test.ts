import type { Nodes } from "hast";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { describe, expect, it } from "vitest";
import { findChecklistMarkers, type TreeReader } from "@/components/tasks/checklist";
import { rehypeHearth } from "@/lib/markdown-rules";
import { extractChecklist } from "@/lib/tasks/extract";

/** The cooker's pipeline (src/server/markdown/cook.ts), stopping at the tree it prints as HTML. */
const processor = unified().use(remarkParse).use(remarkRehype, { allowDangerousHtml: true }).use(rehypeHearth).freeze();
const HAST: TreeReader<Nodes> = {
  children: (node) => ("children" in node ? node.children : []),
  text: (node) => (node.type === "text" ? node.value : null),
  tag: (node) => (node.type === "element" ? node.tagName : null),
};
const rendered = (markdown: string) => findChecklistMarkers<Nodes>(processor.runSync(processor.parse(markdown)), HAST).map(({ done }) => done);
const parsed = (markdown: string) => extractChecklist(markdown).map(({ done }) => done);

const PRIYA = "[@Priya Shah](mention:priya0000001)";
const CORPUS = [
  `- [ ] ${PRIYA} book the room due 2026-12-10\n- [x] done already\n- plain`,
  `- [ ] ${PRIYA} loose\n\n- [X] second, loose list\n\n  with a second paragraph`,
  `1. [ ] ${PRIYA} plan\n   - [ ] nested one\n   - [x] nested two\n2. [ ] back out`,
  "```\n- [ ] in code\n```\n\n    - [ ] indented code\n\n- [ ]" + PRIYA + " glued\n- [ ]\n- [x]",
  `> - [ ] ${PRIYA} quoted\n\n- not [ ] at the start\n- **[ ]** bold box`,
  `Some text\n* [ ] star item\n+ [x] plus item\n\n- [ ] <b>raw</b> html`,
];

describe("checkboxes in cooked HTML", () => {
  it.each(CORPUS)("finds the same items, in the same order, as the parser that makes tasks: %s", (markdown) => {
    expect(rendered(markdown)).toEqual(parsed(markdown));
  });

  it("counts what a reader sees as checkboxes", () => {
    expect(CORPUS.map((markdown) => rendered(markdown).length)).toEqual([2, 2, 4, 2, 1, 3]);
  });
});
