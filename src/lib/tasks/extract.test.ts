import { describe, expect, it } from "vitest";
import { extractChecklist, extractTasks, MAX_TASKS_PER_TEXT } from "@/lib/tasks/extract";

const PRIYA = "[@Priya Shah](mention:priya0000001)";
const OMAR = "[@Omar Ali](mention:omar00000001)";

describe("extractTasks", () => {
  it("takes a checklist item with a mention as a task: assignees, due date, title without the due phrase", () => {
    expect(extractTasks(`- [ ] ${PRIYA} book the room due 2026-12-10`)).toEqual([
      { index: 0, title: "@Priya Shah book the room", assigneeIds: ["priya0000001"], dueOn: "2026-12-10", done: false },
    ]);
    expect(extractTasks(`* [x] ${PRIYA} and ${OMAR} write minutes 📅 2027-01-05`)).toEqual([
      { index: 0, title: "@Priya Shah and @Omar Ali write minutes", assigneeIds: ["priya0000001", "omar00000001"], dueOn: "2027-01-05", done: true },
    ]);
  });

  it("ignores items without a mention, but counts them so indexes follow the rendered checkboxes", () => {
    const text = ["- [ ] nobody named", "- plain item", `- [X] ${OMAR} send it`, `1. [ ] ${PRIYA} ring the council`].join("\n");
    expect(extractChecklist(text).map(({ index, done, task }) => ({ index, done, task: task?.title ?? null }))).toEqual([
      { index: 0, done: false, task: null },
      { index: 1, done: true, task: "@Omar Ali send it" },
      { index: 2, done: false, task: "@Priya Shah ring the council" },
    ]);
  });

  it("reads nested lists in document order and takes only the item's own line as its title", () => {
    const text = [`- [ ] ${PRIYA} plan the day`, `  - [ ] ${OMAR} book the hall`, "  - [x] chairs", `- [ ] ${OMAR} tell everyone`].join("\n");
    expect(extractTasks(text).map(({ index, title }) => [index, title])).toEqual([
      [0, "@Priya Shah plan the day"],
      [1, "@Omar Ali book the hall"],
      [3, "@Omar Ali tell everyone"],
    ]);
  });

  it("ignores checklists in code and items whose box is not at the start", () => {
    const text = ["```", `- [ ] ${PRIYA} not a task`, "```", "", `    - [ ] ${PRIYA} indented code`, "", `- ${PRIYA} [ ] later box`, `- [ ]${PRIYA} no space`].join("\n");
    expect(extractChecklist(text)).toEqual([]);
  });

  it("ignores a due date that is not a calendar day and keeps a bare item's title", () => {
    expect(extractTasks(`- [ ] ${PRIYA} due 2026-02-30`)[0]).toMatchObject({ dueOn: null, title: "@Priya Shah due 2026-02-30" });
    expect(extractTasks(`- [ ] ${PRIYA}`)[0]).toMatchObject({ title: "@Priya Shah" });
  });

  it("takes at most MAX_TASKS_PER_TEXT tasks from one text, however many items it has", () => {
    const text = Array.from({ length: 250 }, (_, n) => `- [ ] ${PRIYA} item ${n}`).join("\n");
    const items = extractChecklist(text);
    expect(items).toHaveLength(250);
    expect(items.filter(({ task }) => task)).toHaveLength(MAX_TASKS_PER_TEXT);
    expect(extractTasks(text).at(-1)?.index).toBe(MAX_TASKS_PER_TEXT - 1);
  });

  it("finds nothing in text without checklists", () => {
    expect(extractTasks("Just words about [links](https://example.org)")).toEqual([]);
  });
});
