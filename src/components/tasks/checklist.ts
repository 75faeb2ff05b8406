import { CHECKBOX_PREFIX } from "@/lib/tasks/extract";

/** How to read a tree: the DOM's here, hast's in the test that holds this rule to the parser's. */
export type TreeReader<N> = { children: (node: N) => readonly N[]; text: (node: N) => string | null; tag: (node: N) => string | null };

export type ChecklistMarker<N> = { item: N; text: N; marker: string; done: boolean };

/**
 * The checklist items of cooked HTML, in document order: the rule of extractChecklist
 * (src/lib/tasks/extract.ts) applied to what remark-rehype made of the text. A tight list item
 * starts with its text; a loose one with a paragraph. "[ ]" directly followed by a link is not a
 * checkbox, as in the parser. The nth item found is the task whose sourceIndex is n.
 */
export function findChecklistMarkers<N>(root: N, tree: TreeReader<N>): ChecklistMarker<N>[] {
  const found: ChecklistMarker<N>[] = [];
  const visit = (node: N) => {
    if (tree.tag(node) === "li") {
      const marker = markerOf(node, tree);
      if (marker) found.push(marker);
    }
    for (const child of tree.children(node)) visit(child);
  };
  visit(root);
  return found;
}

function markerOf<N>(item: N, tree: TreeReader<N>): ChecklistMarker<N> | null {
  let siblings: readonly N[] = tree.children(item).filter((child) => tree.text(child)?.trim() !== "");
  if (siblings[0] && tree.tag(siblings[0]) === "p") siblings = tree.children(siblings[0]);
  const first = siblings[0];
  const value = first === undefined ? null : tree.text(first);
  if (first === undefined || value === null) return null;
  const match = CHECKBOX_PREFIX.exec(value);
  if (!match || (match[0] === value && siblings.length > 1)) return null;
  return { item, text: first, marker: match[0], done: match[1] !== " " };
}

const DOM: TreeReader<Node> = {
  children: (node) => [...node.childNodes],
  text: (node) => (node.nodeType === Node.TEXT_NODE ? (node as Text).data : null),
  tag: (node) => (node.nodeType === Node.ELEMENT_NODE ? (node as Element).tagName.toLowerCase() : null),
};

/**
 * Turns each checklist item's "[ ]" into a checkbox (disabled, ticked as written, which
 * `data-written` keeps) and returns the boxes in order. Runs on HTML React has just set, so it never fights React over these nodes.
 */
export function renderCheckboxes(root: HTMLElement): HTMLInputElement[] {
  // Already done for this HTML (an effect run twice, as React's strict mode does in development).
  const rendered = root.querySelectorAll<HTMLInputElement>("input[data-checklist-index]");
  if (rendered.length > 0) return [...rendered];
  return findChecklistMarkers<Node>(root, DOM).map(({ item, text, marker, done }, index) => {
    const textNode = text as Text;
    textNode.data = textNode.data.slice(marker.length).replace(/^\s/, "");
    const box = document.createElement("input");
    box.type = "checkbox";
    box.checked = done;
    box.disabled = true;
    box.dataset.written = done ? "done" : "open";
    box.dataset.checklistIndex = String(index);
    box.className = "mr-2 size-4 translate-y-0.5 accent-ember-700 enabled:cursor-pointer";
    textNode.parentNode!.insertBefore(box, textNode);
    (item as HTMLLIElement).classList.add("list-none");
    return box;
  });
}
