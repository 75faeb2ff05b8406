import { initProseMirrorDoc } from "@tiptap/y-tiptap";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { DOCUMENT_FRAGMENT } from "@/lib/documents/extensions";
import { getDb } from "@/server/db";
import { documentSchema } from "@/server/documents/content-schema";
import { appendUpdate, loadDocumentState } from "@/server/documents/persistence";
import { blocksOf } from "@/server/documents/versions/content";
import { exportDocument } from "@/server/documents/versions/export";
import { contentOf } from "@/server/documents/versions/state";
import { heading, paragraph, stateOf } from "@/server/documents/versions/test-content";
import { addMember, callerFor, makeDocument, makeGroup, makeUser } from "@/server/test/factories";

/**
 * An update as a crafted message could write it before updates were checked, on top of `state`:
 * a real paragraph, stray text among the blocks, an unknown block, a block nested thousands of
 * levels deep (deeper than Yjs can delete in one go) and a value in a root of its own.
 */
function craftedUpdate(state: Uint8Array): Uint8Array {
  const doc = new Y.Doc();
  const fragment = doc.getXmlFragment(DOCUMENT_FRAGMENT);
  Y.applyUpdate(doc, state);
  const before = Y.encodeStateVector(doc);
  doc.transact(() => {
    const vandalised = new Y.XmlElement("paragraph");
    vandalised.insert(0, [new Y.XmlText("Vandalised.")]);
    fragment.insert(fragment.length, [vandalised, new Y.XmlElement("marquee")]);
    let deepest: Y.XmlFragment | Y.XmlElement = fragment;
    for (let level = 0; level < 6000; level++) {
      deepest.insert(deepest.length, [new Y.XmlElement("blockquote")]);
      deepest = deepest.get(deepest.length - 1) as Y.XmlElement;
    }
    doc.getMap("elsewhere").set("junk", "x");
  });
  const strayText = new Y.Doc();
  Y.applyUpdate(strayText, Y.encodeStateAsUpdate(doc));
  const middle = Y.encodeStateVector(strayText);
  strayText.getText(DOCUMENT_FRAGMENT).insert(1, "boom");
  return Y.mergeUpdates([Y.encodeStateAsUpdate(doc, before), Y.encodeStateAsUpdate(strayText, middle)]);
}

const textOf = (state: Uint8Array) => blocksOf(contentOf(state)).map((block) => block.text);

describe("a document stored with content the editor cannot show", () => {
  it("still exports, diffs and restores, and opens in the editor again", async () => {
    const db = getDb();
    const group = await makeGroup();
    const admin = await makeUser();
    await addMember(group.id, admin.id, "admin");
    const document = await makeDocument({ groupId: group.id, createdById: admin.id, title: "Vision" });
    const { caller } = callerFor(admin.id);
    const good = stateOf([heading(1, "Vision"), paragraph("The good words.")]);
    await appendUpdate(db, document.id, good, admin.id);
    const goodVersion = await caller.document.nameVersion({ id: document.id, name: "Good" });
    const crafted = craftedUpdate(good);
    // Stored directly, as rows written before updates were checked; a version was saved from it too.
    await appendUpdate(db, document.id, crafted, admin.id);
    const brokenVersion = await db.documentVersion.create({
      data: { documentId: document.id, kind: "named", name: "Broken", state: new Uint8Array(Y.mergeUpdates([good, crafted])) },
      select: { id: true },
    });

    const markdown = await exportDocument(db, admin.id, document.id, { format: "md" });
    // The quotes nested up to the limit stay (empty, as their content was too deep); the rest is left out.
    expect(markdown.body).toMatch(/^# Vision\n\n# Vision\n\nThe good words\.\n\nVandalised\.\n\n(> ){31}>\n$/);
    const html = await exportDocument(db, admin.id, document.id, { format: "html", version: brokenVersion.id });
    expect(html.body).toContain("<p>Vandalised.</p>");
    expect(html.body).not.toMatch(/boom|marquee/);

    const diff = await caller.document.diff({ id: document.id, fromVersionId: goodVersion.id, toVersionId: brokenVersion.id });
    expect(diff.blocks.map((block) => [block.change, block.parts.map((part) => part.text).join("")])).toEqual([
      ["same", "Vision"],
      ["same", "The good words."],
      ["inserted", "Vandalised."],
      ["inserted", ""],
    ]);

    // The editor reads the stored document again, and the storage itself no longer holds the junk.
    const repaired = new Y.Doc();
    Y.applyUpdate(repaired, await loadDocumentState(db, document.id));
    expect(initProseMirrorDoc(repaired.getXmlFragment(DOCUMENT_FRAGMENT), documentSchema).doc.textContent).toBe("VisionThe good words.Vandalised.");
    expect(repaired.getXmlFragment(DOCUMENT_FRAGMENT).toArray().every((child) => child instanceof Y.XmlElement)).toBe(true);
    expect(repaired.getMap("elsewhere").size).toBe(0);
    expect(await db.documentUpdate.count({ where: { documentId: document.id } })).toBe(0);

    await caller.document.restore({ id: document.id, versionId: goodVersion.id });
    expect(textOf(await loadDocumentState(db, document.id))).toEqual(["Vision", "The good words."]);
    await caller.document.restore({ id: document.id, versionId: brokenVersion.id });
    expect(textOf(await loadDocumentState(db, document.id))).toEqual(["Vision", "The good words.", "Vandalised.", ""]);
  });

  it("rewrites a snapshot that was compacted with junk in it, once", async () => {
    const db = getDb();
    const group = await makeGroup();
    const admin = await makeUser();
    const document = await makeDocument({ groupId: group.id, createdById: admin.id, title: "Notes" });
    const good = stateOf([paragraph("Kept.")]);
    await db.document.update({ where: { id: document.id }, data: { snapshot: new Uint8Array(Y.mergeUpdates([good, craftedUpdate(good)])) } });

    expect(textOf(await loadDocumentState(db, document.id))).toEqual(["Kept.", "Vandalised.", ""]);
    const { snapshot } = await db.document.findUniqueOrThrow({ where: { id: document.id }, select: { snapshot: true } });
    const stored = new Y.Doc();
    Y.applyUpdate(stored, snapshot!);
    expect(stored.getXmlFragment(DOCUMENT_FRAGMENT).toArray().every((child) => child instanceof Y.XmlElement)).toBe(true);
  });
});
