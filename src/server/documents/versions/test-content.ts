import { prosemirrorJSONToYDoc } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { DOCUMENT_FRAGMENT } from "@/lib/documents/extensions";
import { documentSchema as schema } from "@/server/documents/content-schema";
import type { PmNode } from "@/server/documents/versions/content";

/** A Yjs state holding the given content, built through the real document schema. */
export function stateOf(content: PmNode[]): Uint8Array<ArrayBuffer> {
  const doc = prosemirrorJSONToYDoc(schema, { type: "doc", content }, DOCUMENT_FRAGMENT);
  try {
    return new Uint8Array(Y.encodeStateAsUpdate(doc));
  } finally {
    doc.destroy();
  }
}

export const paragraph = (text: string): PmNode => ({ type: "paragraph", content: text ? [{ type: "text", text }] : [] });
export const heading = (level: number, text: string): PmNode => ({ type: "heading", attrs: { level }, content: [{ type: "text", text }] });
