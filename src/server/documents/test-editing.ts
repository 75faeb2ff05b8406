import * as Y from "yjs";
import { DOCUMENT_FRAGMENT } from "@/lib/documents/extensions";

function firstParagraphText(doc: Y.Doc): Y.XmlText | null {
  const paragraph = doc.getXmlFragment(DOCUMENT_FRAGMENT).get(0);
  const text = paragraph instanceof Y.XmlElement ? paragraph.get(0) : null;
  return text instanceof Y.XmlText ? text : null;
}

/**
 * Plain-text editing of a Y.Doc laid out as the editor stores it: one paragraph in the document's
 * fragment, made on the first edit. For tests and benchmarks that type without a real editor;
 * the server refuses text anywhere else.
 */
export function typeInto(doc: Y.Doc, index: number, text: string): void {
  doc.transact(() => {
    if (!firstParagraphText(doc)) {
      const paragraph = new Y.XmlElement("paragraph");
      paragraph.insert(0, [new Y.XmlText()]);
      doc.getXmlFragment(DOCUMENT_FRAGMENT).insert(0, [paragraph]);
    }
    firstParagraphText(doc)!.insert(index, text);
  });
}

/** The text of the first paragraph ("" when there is none). */
export function textIn(doc: Y.Doc): string {
  return firstParagraphText(doc)?.toString() ?? "";
}

/** The update that types `text` into a new document: a ready-made edit to send. */
export function typedUpdate(text: string): Uint8Array {
  const doc = new Y.Doc();
  try {
    typeInto(doc, 0, text);
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}
