import { getSchema } from "@tiptap/core";
import type { Node } from "@tiptap/pm/model";
import { EditorState, type Transaction } from "@tiptap/pm/state";
import { initProseMirrorDoc, updateYFragment } from "@tiptap/y-tiptap";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { commentAnchors } from "@/lib/documents/comment-anchors";
import { DOC_COMMENT_MARK } from "@/lib/documents/comment-mark";
import { DOCUMENT_FRAGMENT, documentExtensions } from "@/lib/documents/extensions";

const schema = getSchema(documentExtensions);

/**
 * One person's editor without a view: a Y.Doc and the ProseMirror document built from it. Edits
 * go through `updateYFragment`, the same path y-tiptap's sync plugin takes for every transaction.
 */
function client(ydoc = new Y.Doc()) {
  const fragment = ydoc.getXmlFragment(DOCUMENT_FRAGMENT);
  return {
    ydoc,
    doc(): Node {
      return initProseMirrorDoc(fragment, schema).doc;
    },
    edit(change: (tr: Transaction, doc: Node) => void) {
      const { doc, meta } = initProseMirrorDoc(fragment, schema);
      const tr = EditorState.create({ doc }).tr;
      change(tr, doc);
      updateYFragment(ydoc, fragment, tr.doc, meta);
    },
  };
}

function sync(a: Y.Doc, b: Y.Doc) {
  const toB = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
  const toA = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a));
  Y.applyUpdate(b, toB);
  Y.applyUpdate(a, toA);
}

/** The position in the document's first paragraph just before the first occurrence of `text`. */
function posOf(doc: Node, text: string): number {
  const offset = doc.textContent.indexOf(text);
  if (offset < 0) throw new Error(`"${text}" is not in "${doc.textContent}"`);
  return offset + 1;
}

function comment(tr: Transaction, doc: Node, text: string, commentId: string) {
  const from = posOf(doc, text);
  tr.addMark(from, from + text.length, schema.marks[DOC_COMMENT_MARK]!.create({ commentId }));
}

function setUp(text: string) {
  const alice = client();
  alice.edit((tr) => tr.replaceWith(0, tr.doc.content.size, schema.node("paragraph", null, schema.text(text))));
  const bob = client();
  sync(alice.ydoc, bob.ydoc);
  return { alice, bob };
}

describe("the docComment mark in a shared document", () => {
  it("stays on the same words while someone else types before, inside and after them at the same time", () => {
    const { alice, bob } = setUp("We want a shared future for the whole valley.");

    alice.edit((tr, doc) => comment(tr, doc, "shared future", "c1"));
    // One transaction per insertion, as when typing: y-tiptap diffs each one against the Y.Doc.
    // Not exactly at the comment's edges: Yjs orders two insertions at one spot by client id, so
    // text typed there at the same moment as the comment is made may land on either side.
    bob.edit((tr, doc) => tr.insertText("truly ", posOf(doc, "want")));
    bob.edit((tr, doc) => tr.insertText(" green", posOf(doc, " valley")));
    bob.edit((tr, doc) => tr.insertText("bright ", posOf(doc, "future")));
    bob.edit((tr) => tr.insertText("Today: ", 1));
    sync(alice.ydoc, bob.ydoc);

    for (const person of [alice, bob]) {
      const doc = person.doc();
      expect(doc.textContent).toBe("Today: We truly want a shared bright future for the whole green valley.");
      expect(commentAnchors(doc).get("c1")?.text).toBe("shared bright future");
    }
  });

  it("does not grow when someone types right at its edges afterwards", () => {
    const { alice, bob } = setUp("one two three");
    alice.edit((tr, doc) => comment(tr, doc, "two", "c1"));
    sync(alice.ydoc, bob.ydoc);

    const bobsView = EditorState.create({ doc: bob.doc() });
    const from = posOf(bobsView.doc, "two");
    const typedAtEnd = bobsView.apply(bobsView.tr.insertText("!", from + 3));
    expect(commentAnchors(typedAtEnd.doc).get("c1")?.text).toBe("two");
  });

  it("keeps overlapping comments apart", () => {
    const { alice, bob } = setUp("one two three four");
    alice.edit((tr, doc) => comment(tr, doc, "two three", "c1"));
    bob.edit((tr, doc) => comment(tr, doc, "three four", "c2"));
    sync(alice.ydoc, bob.ydoc);

    for (const person of [alice, bob]) {
      const anchors = commentAnchors(person.doc());
      expect(anchors.get("c1")?.text).toBe("two three");
      expect(anchors.get("c2")?.text).toBe("three four");
    }
  });

  it("is gone when all of its text is deleted, so the panel can show the comment as detached", () => {
    const { alice, bob } = setUp("keep this, drop that");
    alice.edit((tr, doc) => comment(tr, doc, "drop that", "c1"));
    sync(alice.ydoc, bob.ydoc);
    bob.edit((tr, doc) => {
      const from = posOf(doc, ", drop that");
      tr.delete(from, from + ", drop that".length);
    });
    sync(alice.ydoc, bob.ydoc);
    expect(commentAnchors(alice.doc()).has("c1")).toBe(false);
  });
});
