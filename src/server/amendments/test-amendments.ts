import type * as Y from "yjs";
import { getDb } from "@/server/db";
import { loadDocumentState } from "@/server/documents/persistence";
import { readDocument } from "@/server/documents/repair";
import { withDoc } from "@/server/documents/with-doc";
import { posOf } from "@/server/suggestions/test-suggesting";

/** The text the amendment tests' documents start with. */
export const VISION = "We care for the valley.";
export const inAWeek = () => new Date(Date.now() + 7 * 24 * 60 * 60 * 1000);

/** "ok", or the error code a call was refused with. */
export async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "ok";
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
}

/** "ok", or the message a call was refused with. */
export async function messageOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "ok";
  } catch (error) {
    return (error as Error).message;
  }
}

function withStoredDoc<T>(documentId: string, read: (doc: Y.Doc) => T): Promise<T> {
  return loadDocumentState(getDb(), documentId).then((state) => withDoc(state, read));
}

/** The document's stored text, suggestions included. */
export function textOf(documentId: string): Promise<string> {
  return withStoredDoc(documentId, (doc) => readDocument(doc).content.textContent);
}

/** The passage `quote` in the stored document, as amendment.create takes it. */
export function rangeOf(documentId: string, quote: string): Promise<{ from: number; to: number; quote: string }> {
  return withStoredDoc(documentId, (doc) => {
    const from = posOf(readDocument(doc).content, quote);
    return { from, to: from + quote.length, quote };
  });
}
