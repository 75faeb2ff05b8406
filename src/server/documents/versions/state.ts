import { yXmlFragmentToProsemirrorJSON } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { DOCUMENT_FRAGMENT } from "@/lib/documents/extensions";
import type { PmNode } from "@/server/documents/versions/content";

function withDoc<T>(state: Uint8Array, read: (doc: Y.Doc) => T): T {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    return read(doc);
  } finally {
    doc.destroy();
  }
}

/** The ProseMirror JSON of a stored Yjs state, as the editor would show it. */
export function contentOf(state: Uint8Array): PmNode {
  return withDoc(state, (doc) => yXmlFragmentToProsemirrorJSON(doc.getXmlFragment(DOCUMENT_FRAGMENT)) as PmNode);
}

/**
 * The Yjs update that makes `current` read exactly like `target`: in one transaction the
 * document's content is replaced by copies of the target's. It is a new change on top of the
 * current state, so every earlier state stays reachable. Also returns the resulting state.
 */
export function replacementUpdate(current: Uint8Array, target: Uint8Array): { update: Uint8Array; state: Uint8Array } {
  return withDoc(current, (doc) =>
    withDoc(target, (source) => {
      const before = Y.encodeStateVector(doc);
      const fragment = doc.getXmlFragment(DOCUMENT_FRAGMENT);
      const copies = source
        .getXmlFragment(DOCUMENT_FRAGMENT)
        .toArray()
        .filter((node) => node instanceof Y.XmlElement || node instanceof Y.XmlText)
        .map((node) => node.clone());
      doc.transact(() => {
        fragment.delete(0, fragment.length);
        fragment.insert(0, copies);
      });
      return { update: Y.encodeStateAsUpdate(doc, before), state: Y.encodeStateAsUpdate(doc) };
    }),
  );
}
