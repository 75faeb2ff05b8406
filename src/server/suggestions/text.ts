import { applySuggestion, revertSuggestion, revertSuggestions } from "@handlewithcare/prosemirror-suggest-changes";
import type { Node } from "@tiptap/pm/model";
import { EditorState, type Transaction } from "@tiptap/pm/state";
import { SUGGESTION_MARKS } from "@/lib/documents/suggestion-marks";
import { documentSchema } from "@/server/documents/content-schema";

/** What one suggestion changes, as text: what it adds and what it takes away (in document order). */
export type SuggestedText = { inserted: string; deleted: string; changesFormat: boolean };

const MARK_NAMES = new Set<string>(SUGGESTION_MARKS);

/** Every suggestion id in a document with the text it inserts and deletes, in the order they first appear. */
export function suggestionsIn(doc: Node): Map<string, SuggestedText> {
  const found = new Map<string, SuggestedText>();
  doc.descendants((node) => {
    for (const mark of node.marks) {
      if (!MARK_NAMES.has(mark.type.name) || typeof mark.attrs.id !== "string") continue;
      const entry = found.get(mark.attrs.id) ?? { inserted: "", deleted: "", changesFormat: false };
      const text = node.isText ? (node.text ?? "") : "\n";
      if (mark.type.name === "insertion") entry.inserted += text;
      else if (mark.type.name === "deletion") entry.deleted += text;
      else entry.changesFormat = true;
      found.set(mark.attrs.id, entry);
    }
    return true;
  });
  return found;
}

function run(doc: Node, command: (state: EditorState, dispatch: (tr: Transaction) => void) => boolean): Node {
  let state = EditorState.create({ schema: documentSchema, doc });
  command(state, (tr) => {
    state = state.apply(tr);
  });
  return state.doc;
}

/**
 * The document after accepting (or rejecting) the given suggestions: accepting keeps an insertion's
 * text and removes a deletion's; rejecting does the opposite. Other suggestions stay as they are.
 */
export function decideSuggestions(doc: Node, ids: readonly string[], accept: boolean): Node {
  let result = doc;
  for (const id of ids) result = run(result, accept ? applySuggestion(id) : revertSuggestion(id));
  return result;
}

/** The document as it would read if every suggestion in it were rejected: the text nobody has changed directly. */
export function withoutSuggestions(doc: Node): Node {
  return run(doc, revertSuggestions);
}
