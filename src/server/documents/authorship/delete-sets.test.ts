import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { getDb } from "@/server/db";
import { decodeDeleteSet, deleteSetsOf, type DeleteSet } from "@/server/documents/authorship/delete-sets";
import { editorOf } from "@/server/documents/authorship/test-authorship";
import { identifiedBlocksOf } from "@/server/documents/authorship/text";
import { appendUpdate, compactDocument, loadDocumentState } from "@/server/documents/persistence";
import { addMember, makeDocument, makeGroup, makeUser } from "@/server/test/factories";

async function setUp() {
  const group = await makeGroup();
  const [ana, ben] = [await makeUser({ name: "Ana" }), await makeUser({ name: "Ben" })];
  await addMember(group.id, ana.id);
  await addMember(group.id, ben.id);
  const document = await makeDocument({ groupId: group.id, createdById: ana.id });
  return { ana, ben, document };
}

/** The Yjs ids of a word's characters in the stored text. */
async function idsOf(documentId: string, word: string): Promise<{ client: number; clock: number }[]> {
  const [block] = identifiedBlocksOf(await loadDocumentState(getDb(), documentId));
  const at = block!.text.indexOf(word);
  expect(at).toBeGreaterThanOrEqual(0);
  return Array.from(word, (_, offset) => ({ client: block!.clients[at + offset]!, clock: block!.clocks[at + offset]! }));
}

const covers = (deleteSet: DeleteSet | undefined, ids: { client: number; clock: number }[]) =>
  deleteSet !== undefined && ids.every((id) => Y.isDeleted(deleteSet, id));

async function storedSets(documentId: string) {
  const rows = await getDb().documentDeleteSet.findMany({ where: { documentId }, select: { userId: true, deleteSet: true } });
  return new Map(rows.map(({ userId, deleteSet }) => [userId, decodeDeleteSet(deleteSet)]));
}

describe("delete sets", () => {
  it("credits each person with what their updates deleted, merged across compactions", async () => {
    const { ana, ben, document } = await setUp();
    const a = editorOf(document.id, ana.id);
    const b = editorOf(document.id, ben.id);
    await a.type(0, "alpha beta gamma delta");
    const [beta, gamma, delta] = [await idsOf(document.id, "beta"), await idsOf(document.id, "gamma"), await idsOf(document.id, "delta")];
    await b.remove("beta");
    // Counted before any compaction, from the stored updates.
    let sets = await deleteSetsOf(getDb(), document.id);
    expect(covers(sets.get(ben.id), beta)).toBe(true);
    expect(sets.has(ana.id)).toBe(false);

    await compactDocument(getDb(), document.id);
    expect(await getDb().documentUpdate.count({ where: { documentId: document.id } })).toBe(0);
    let stored = await storedSets(document.id);
    expect(covers(stored.get(ben.id), beta)).toBe(true);
    expect(stored.has(ana.id)).toBe(false);

    await a.remove("gamma");
    await b.remove("delta");
    // Ben's editor then sends its whole state (a sync after a reconnect): it carries Ana's deletion
    // too, which must not be credited to him.
    Y.applyUpdate(b.doc, await loadDocumentState(getDb(), document.id));
    await appendUpdate(getDb(), document.id, Y.encodeStateAsUpdate(b.doc), ben.id);
    await compactDocument(getDb(), document.id);

    stored = await storedSets(document.id);
    expect(covers(stored.get(ben.id), beta)).toBe(true);
    expect(covers(stored.get(ben.id), delta)).toBe(true);
    expect(covers(stored.get(ben.id), gamma)).toBe(false);
    expect(covers(stored.get(ana.id), gamma)).toBe(true);
    expect(covers(stored.get(ana.id), beta)).toBe(false);
    sets = await deleteSetsOf(getDb(), document.id);
    expect(covers(sets.get(ana.id), gamma) && covers(sets.get(ben.id), delta)).toBe(true);
  });

  it("credits nobody with deletions the server made for nobody", async () => {
    const { ana, document } = await setUp();
    await editorOf(document.id, ana.id).type(0, "kept removed");
    await editorOf(document.id, null).remove("removed");
    await compactDocument(getDb(), document.id);
    expect(await getDb().documentDeleteSet.count({ where: { documentId: document.id } })).toBe(0);
  });
});
