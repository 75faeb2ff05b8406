import { transformToSuggestionTransaction } from "@handlewithcare/prosemirror-suggest-changes";
import type { Node } from "@tiptap/pm/model";
import { EditorState, type Transaction } from "@tiptap/pm/state";
import { initProseMirrorDoc, updateYFragment } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { DOCUMENT_FRAGMENT } from "@/lib/documents/extensions";
import { newSuggestionId } from "@/lib/documents/suggestion-marks";
import { documentSchema } from "@/server/documents/content-schema";

/** Where `text` starts in the document (ProseMirror position), for tests that type next to words. */
export function posOf(doc: Node, text: string): number {
  let found = -1;
  doc.descendants((node, pos) => {
    if (found >= 0) return false;
    const at = node.isText ? (node.text ?? "").indexOf(text) : -1;
    if (at >= 0) found = pos + at;
    return true;
  });
  if (found < 0) throw new Error(`"${text}" is not in the document`);
  return found;
}

/**
 * A browser's copy of a document, without a view: `suggest` turns a change into suggestions the
 * way the editor does in suggesting mode, `edit` makes it directly; both write to the Y.Doc as
 * y-tiptap does and return the update to send.
 */
export function editorOn(state: Uint8Array) {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  const fragment = doc.getXmlFragment(DOCUMENT_FRAGMENT);
  const write = (change: (tr: Transaction, pm: Node) => void, suggesting: boolean): Uint8Array => {
    const { doc: pm, meta } = initProseMirrorDoc(fragment, documentSchema);
    const editorState = EditorState.create({ doc: pm });
    const tr = editorState.tr;
    change(tr, pm);
    const result = suggesting ? transformToSuggestionTransaction(tr, editorState, () => newSuggestionId()) : tr;
    const before = Y.encodeStateVector(doc);
    updateYFragment(doc, fragment, result.doc, meta);
    return Y.encodeStateAsUpdate(doc, before);
  };
  return {
    doc,
    suggest: (change: (tr: Transaction, pm: Node) => void) => write(change, true),
    edit: (change: (tr: Transaction, pm: Node) => void) => write(change, false),
    content: (): Node => initProseMirrorDoc(fragment, documentSchema).doc,
    receive: (update: Uint8Array) => Y.applyUpdate(doc, update),
  };
}
