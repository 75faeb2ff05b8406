import type { Node } from "@tiptap/pm/model";
import * as Y from "yjs";
import { DOCUMENT_FRAGMENT } from "@/lib/documents/extensions";
import { ContentReader, documentSchema, visibleItems } from "@/server/documents/content-schema";

/** Every visible item directly inside a Yjs type: its list and its keyed entries. */
function* itemsIn(type: Pick<Y.AbstractType<never>, "_start" | "_map">): Generator<Y.Item> {
  yield* visibleItems(type);
  for (const item of type._map.values()) if (!item.deleted) yield item;
}

/**
 * A document's content as the editor's schema reads it, and the Yjs items holding what it cannot
 * show (junk: stray text or values among the blocks, unknown blocks or formatting, blocks nested
 * too deeply, anything outside the document's fragment). Documents stored before updates were
 * checked may hold junk; reading skips it, and content that merely breaks a content rule is mended.
 */
export function readDocument(doc: Y.Doc): { content: Node; junk: Y.Item[] } {
  const reader = new ContentReader(false);
  const children = reader.children(doc.getXmlFragment(DOCUMENT_FRAGMENT), documentSchema.topNodeType, 0);
  const junk = reader.junk;
  for (const [name, type] of doc.share) if (name !== DOCUMENT_FRAGMENT) junk.push(...itemsIn(type));
  return { content: documentSchema.topNodeType.create(null, children), junk };
}

/** How many levels of a subtree one transaction deletes; Yjs garbage-collects them recursively. */
const LEVELS_PER_TRANSACTION = 256;

/**
 * Deletes items with everything inside them, deepest level first, a bounded number of levels per
 * transaction. Yjs deletes and garbage-collects a subtree recursively, which overflows the stack
 * on a tree a few thousand levels deep, but never recurses into what is already deleted.
 */
function deleteDeepestFirst(doc: Y.Doc, items: Y.Item[]): void {
  const levels: Y.Item[][] = [];
  const stack = items.map((item) => ({ item, level: 0 }));
  for (let next = stack.pop(); next; next = stack.pop()) {
    (levels[next.level] ??= []).push(next.item);
    const { content } = next.item;
    if (content instanceof Y.ContentType) {
      for (const child of itemsIn(content.type)) stack.push({ item: child, level: next.level + 1 });
    }
  }
  for (let end = levels.length; end > 0; end -= LEVELS_PER_TRANSACTION) {
    doc.transact((transaction) => {
      for (let level = end - 1; level >= Math.max(0, end - LEVELS_PER_TRANSACTION); level--) {
        for (const item of levels[level]!) if (!item.deleted) item.delete(transaction);
      }
    });
  }
}

/**
 * Deletes the document's junk as a change of its own, so the editor can open it again and every
 * copy that merges the change drops the junk too. Returns whether there was any.
 */
export function removeJunk(doc: Y.Doc): boolean {
  const { junk } = readDocument(doc);
  if (junk.length === 0) return false;
  deleteDeepestFirst(doc, junk);
  return true;
}
