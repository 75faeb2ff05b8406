import type { ListItem, Nodes, Paragraph, PhrasingContent } from "mdast";
import { toString } from "mdast-util-to-string";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { canRenderMarkdown } from "@/lib/markdown-limits";

/**
 * Tasks written in text, Loomio's way: a checklist item that @mentions someone,
 * `- [ ] [@Priya Shah](mention:ID) book the room due 2026-12-10`. The mentioned people are the
 * assignees; "due YYYY-MM-DD" or "📅 YYYY-MM-DD" gives the due date; `[x]` is done.
 *
 * Every checklist item counts towards `index`, tasks or not, in document order (nested lists
 * included, code blocks never), which is how a page finds the nth rendered checkbox's task:
 * isChecklistItem in src/components/tasks/checklist.ts applies the same rule to the cooked HTML.
 */
export type ExtractedTask = {
  /** Position among all the text's checklist items, from 0. */
  index: number;
  title: string;
  assigneeIds: string[];
  /** "YYYY-MM-DD", or null. */
  dueOn: string | null;
  done: boolean;
};

export type ChecklistItem = { index: number; done: boolean; task: ExtractedTask | null };

/** At most this many tasks are taken from one text; further items stay plain checkboxes. */
export const MAX_TASKS_PER_TEXT = 100;
export const MAX_TASK_TITLE = 200;

/** "[ ]", "[x]" or "[X]" at the start of an item's first paragraph, then a space or nothing. */
export const CHECKBOX_PREFIX = /^\[([ xX])\](?=\s|$)/;
const DUE = /(?:\bdue\s+|📅\s*)(\d{4}-\d{2}-\d{2})\b/giu;
const MENTION_URL = /^mention:([a-z0-9]{10,40})$/;

const parser = unified().use(remarkParse);

/** A real calendar day written as YYYY-MM-DD ("2026-02-30" is not one). */
export function isCalendarDay(day: string): boolean {
  const date = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day;
}

function checkboxOf(item: ListItem): { done: boolean; paragraph: Paragraph } | null {
  const paragraph = item.children[0];
  if (paragraph?.type !== "paragraph") return null;
  const first = paragraph.children[0];
  if (first?.type !== "text") return null;
  const match = CHECKBOX_PREFIX.exec(first.value);
  // "[ ]" must be followed by a space: "[ ][@Priya]…" is not a checkbox.
  if (!match || (match[0] === first.value && paragraph.children.length > 1)) return null;
  return { done: match[1] !== " ", paragraph };
}

function mentionsIn(nodes: readonly PhrasingContent[], found: string[]): string[] {
  for (const node of nodes) {
    if (node.type === "link") {
      const id = MENTION_URL.exec(node.url)?.[1];
      if (id && !found.includes(id)) found.push(id);
    } else if ("children" in node) {
      mentionsIn(node.children as PhrasingContent[], found);
    }
  }
  return found;
}

function taskOf(index: number, done: boolean, paragraph: Paragraph): ExtractedTask | null {
  const assigneeIds = mentionsIn(paragraph.children, []);
  if (assigneeIds.length === 0) return null;
  const text = toString(paragraph).replace(CHECKBOX_PREFIX, "");
  let dueOn: string | null = null;
  const withoutDue = text.replace(DUE, (phrase, day: string) => {
    if (!isCalendarDay(day)) return phrase;
    dueOn ??= day;
    return " ";
  });
  const title = withoutDue.replace(/\s+/g, " ").trim().slice(0, MAX_TASK_TITLE);
  return { index, title: title || "Task", assigneeIds, dueOn, done };
}

/** Every checklist item of a markdown text, in the order its checkboxes are rendered. */
export function extractChecklist(markdown: string): ChecklistItem[] {
  // Text too complex to render is shown as plain text, without checkboxes (src/server/markdown/cook.ts).
  if (!markdown.includes("[") || !canRenderMarkdown(markdown)) return [];
  const items: ChecklistItem[] = [];
  let tasks = 0;
  const visit = (node: Nodes) => {
    if (node.type === "listItem") {
      const checkbox = checkboxOf(node);
      if (checkbox) {
        const task = tasks < MAX_TASKS_PER_TEXT ? taskOf(items.length, checkbox.done, checkbox.paragraph) : null;
        if (task) tasks += 1;
        items.push({ index: items.length, done: checkbox.done, task });
      }
    }
    if ("children" in node) for (const child of node.children as Nodes[]) visit(child);
  };
  visit(parser.parse(markdown));
  return items;
}

/** The tasks of a markdown text (see ExtractedTask). */
export function extractTasks(markdown: string): ExtractedTask[] {
  return extractChecklist(markdown).flatMap(({ task }) => (task ? [task] : []));
}
