import * as Y from "yjs";
import { DOCUMENT_FRAGMENT } from "@/lib/documents/extensions";
import { getDb } from "@/server/db";
import { claimClients } from "@/server/documents/authorship/clients";
import { appendUpdate, loadDocumentState } from "@/server/documents/persistence";
import { typeInto } from "@/server/documents/test-editing";

function firstText(doc: Y.Doc): Y.XmlText | null {
  const paragraph = doc.getXmlFragment(DOCUMENT_FRAGMENT).get(0);
  const text = paragraph instanceof Y.XmlElement ? paragraph.get(0) : null;
  return text instanceof Y.XmlText ? text : null;
}

/**
 * A person's editor without a socket, for tests: their own Yjs client, brought up to date with
 * the stored text before each change, and each change claimed and stored as their seat would.
 * `userId` null stores it for nobody and claims nothing (text from before authorship was recorded).
 */
export function editorOf(documentId: string, userId: string | null) {
  const doc = new Y.Doc();
  const send = async (edit: (text: () => Y.XmlText | null) => void) => {
    Y.applyUpdate(doc, await loadDocumentState(getDb(), documentId));
    const before = Y.encodeStateVector(doc);
    doc.transact(() => edit(() => firstText(doc)));
    const update = Y.encodeStateAsUpdate(doc, before);
    if (userId) await claimClients(getDb(), documentId, [doc.clientID], userId);
    await appendUpdate(getDb(), documentId, update, userId);
    return update;
  };
  return {
    doc,
    type: (index: number | "end", text: string) => send((current) => typeInto(doc, index === "end" ? (current()?.length ?? 0) : index, text)),
    remove: (word: string) =>
      send((current) => {
        const text = current();
        const at = text?.toString().indexOf(word) ?? -1;
        if (!text || at < 0) throw new Error(`"${word}" is not in the text`);
        text.delete(at, word.length);
      }),
  };
}
