import { Mark, mergeAttributes } from "@tiptap/core";
import { deletion, insertion, modification } from "@handlewithcare/prosemirror-suggest-changes";

/** The mark names @handlewithcare/prosemirror-suggest-changes looks for in the schema. */
export const SUGGESTION_MARKS = ["insertion", "deletion", "modification"] as const;
export type SuggestionMarkName = (typeof SUGGESTION_MARKS)[number];

/** Suggestion ids are made in the browser (random, so two people never pick the same) and name a Suggestion row. */
export const SUGGESTION_ID = /^s[a-z0-9]{15,40}$/;

export function newSuggestionId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return `s${Array.from(bytes, (byte) => byte.toString(36).padStart(2, "0")).join("")}`;
}

const idAttribute = {
  id: {
    default: null,
    parseHTML: (element: HTMLElement) => element.getAttribute("data-suggestion"),
    renderHTML: (attributes: { id?: unknown }) => (typeof attributes.id === "string" ? { "data-suggestion": attributes.id } : {}),
  },
};

/**
 * A suggested insertion, deletion or node change (the package's marks, as Tiptap marks so the
 * server's schema and the editor's agree). The mark lives in the Yjs document like a comment
 * anchor; its `id` names the Suggestion row holding who suggested it and what became of it.
 * Rendered as <ins>/<del> with `data-suggestion`; colours come from the suggestions panel.
 */
export const SuggestionInsertion = Mark.create({
  name: "insertion",
  inclusive: insertion.inclusive,
  excludes: insertion.excludes,
  addAttributes: () => idAttribute,
  parseHTML: () => [{ tag: "ins[data-suggestion]" }],
  renderHTML: ({ HTMLAttributes }) => ["ins", mergeAttributes({ class: "suggestion-insertion" }, HTMLAttributes), 0],
});

export const SuggestionDeletion = Mark.create({
  name: "deletion",
  inclusive: deletion.inclusive,
  excludes: deletion.excludes,
  addAttributes: () => idAttribute,
  parseHTML: () => [{ tag: "del[data-suggestion]" }],
  renderHTML: ({ HTMLAttributes }) => ["del", mergeAttributes({ class: "suggestion-deletion" }, HTMLAttributes), 0],
});

export const SuggestionModification = Mark.create({
  name: "modification",
  inclusive: modification.inclusive,
  excludes: modification.excludes,
  addAttributes: () => ({
    ...idAttribute,
    type: { default: "attr", rendered: false },
    attrName: { default: null, rendered: false },
    previousValue: { default: null, rendered: false },
    newValue: { default: null, rendered: false },
  }),
  parseHTML: () => [{ tag: "span[data-suggestion-modification]" }],
  renderHTML: ({ HTMLAttributes }) => ["span", mergeAttributes({ "data-suggestion-modification": "" }, HTMLAttributes), 0],
});
