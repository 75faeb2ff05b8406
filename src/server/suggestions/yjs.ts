import { updateYFragment } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { DOCUMENT_FRAGMENT } from "@/lib/documents/extensions";
import { readDocument } from "@/server/documents/repair";
import { withDoc } from "@/server/documents/with-doc";
import { decideSuggestions, suggestionsIn, type SuggestedText } from "@/server/suggestions/text";

/** The suggestions standing in a stored Yjs state, with their text. */
export function suggestionsInState(state: Uint8Array): Map<string, SuggestedText> {
  return withDoc(state, (doc) => suggestionsIn(readDocument(doc).content));
}

/**
 * The Yjs update that accepts (or rejects) the given suggestions in `state`, made in one
 * transaction that changes only what the decision touches (y-tiptap diffs the fragment against
 * the decided document), so edits made meanwhile elsewhere merge with it. Null when none of the
 * suggestions is in the text any more.
 */
export function decisionUpdate(state: Uint8Array, ids: readonly string[], accept: boolean): Uint8Array | null {
  return withDoc(state, (doc) => {
    const content = readDocument(doc).content;
    const present = suggestionsIn(content);
    const standing = ids.filter((id) => present.has(id));
    if (standing.length === 0) return null;
    const decided = decideSuggestions(content, standing, accept);
    const before = Y.encodeStateVector(doc);
    updateYFragment(doc, doc.getXmlFragment(DOCUMENT_FRAGMENT), decided, { mapping: new Map(), isOMark: new Map() });
    return Y.encodeStateAsUpdate(doc, before);
  });
}
