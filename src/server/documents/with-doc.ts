import * as Y from "yjs";

/** Reads a stored Yjs state through a Y.Doc made for the purpose, destroyed once `read` returns or throws. */
export function withDoc<T>(state: Uint8Array, read: (doc: Y.Doc) => T): T {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    return read(doc);
  } finally {
    doc.destroy();
  }
}
