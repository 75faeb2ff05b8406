import { prosemirrorToYXmlFragment } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { DOCUMENT_FRAGMENT } from "@/lib/documents/extensions";
import { readDocument } from "@/server/documents/repair";
import { withDoc } from "@/server/documents/with-doc";
import type { PmNode } from "@/server/documents/versions/content";
import { withoutSuggestions } from "@/server/suggestions/text";

/**
 * The ProseMirror JSON of a stored Yjs state, as the editor's schema reads it: whatever the
 * schema does not allow (in versions saved before updates were checked) is left out.
 */
export function contentOf(state: Uint8Array): PmNode {
  return withDoc(state, (doc) => readDocument(doc).content.toJSON() as PmNode);
}

/** The content of a stored Yjs state with every open suggestion left out: the text as agreed so far. */
export function agreedContentOf(state: Uint8Array): PmNode {
  return withDoc(state, (doc) => withoutSuggestions(readDocument(doc).content).toJSON() as PmNode);
}

/**
 * The Yjs update that makes `current` read exactly like `target`: in one transaction the
 * document's content is replaced by the target's, as the schema reads it (so any version can be
 * brought back, even one saved with content the editor cannot show). It is a new change on top
 * of the current state, so every earlier state stays reachable. Also returns the resulting state.
 */
export function replacementUpdate(current: Uint8Array, target: Uint8Array): { update: Uint8Array; state: Uint8Array } {
  const content = withDoc(target, (source) => readDocument(source).content);
  return withDoc(current, (doc) => {
    const before = Y.encodeStateVector(doc);
    const fragment = doc.getXmlFragment(DOCUMENT_FRAGMENT);
    doc.transact(() => {
      fragment.delete(0, fragment.length);
      prosemirrorToYXmlFragment(content, fragment);
    });
    return { update: Y.encodeStateAsUpdate(doc, before), state: Y.encodeStateAsUpdate(doc) };
  });
}
