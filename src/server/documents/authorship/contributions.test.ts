import { describe, expect, it } from "vitest";
import { getDb } from "@/server/db";
import { claimClients } from "@/server/documents/authorship/clients";
import { editorOf } from "@/server/documents/authorship/test-authorship";
import { appendUpdate, compactDocument, loadDocumentState } from "@/server/documents/persistence";
import { suggestionIdsInUpdate } from "@/server/documents/update-check";
import { recordSuggestions } from "@/server/suggestions/service";
import { editorOn, posOf } from "@/server/suggestions/test-suggesting";
import { addMember, callerFor, makeDocument, makeGroup, makeUser } from "@/server/test/factories";

async function setUp() {
  const group = await makeGroup();
  const [ana, ben] = [await makeUser({ name: "Ana Alder" }), await makeUser({ name: "Ben Birch" })];
  await addMember(group.id, ana.id);
  await addMember(group.id, ben.id);
  const document = await makeDocument({ groupId: group.id, createdById: ana.id });
  return { ana, ben, document };
}

/** Ben suggests inserting text before `where`, from his own editor, as his seat would store it. */
async function suggestInsertion(documentId: string, userId: string, text: string, where: string): Promise<string> {
  const browser = editorOn(await loadDocumentState(getDb(), documentId));
  const update = browser.suggest((tr, pm) => tr.insertText(text, posOf(pm, where)));
  await claimClients(getDb(), documentId, [browser.doc.clientID], userId);
  await appendUpdate(getDb(), documentId, update, userId);
  const [id] = suggestionIdsInUpdate(update);
  await recordSuggestions(getDb(), () => undefined, documentId, userId, [id!]);
  return id!;
}

const countsOf = (version: { authors: { name: string; contribution: unknown }[] }) =>
  Object.fromEntries(version.authors.map(({ name, contribution }) => [name, contribution]));

describe("contributions per version", () => {
  it("counts words added, words removed and suggestions accepted per person since the version before", async () => {
    const { ana, ben, document } = await setUp();
    const a = editorOf(document.id, ana.id);
    const b = editorOf(document.id, ben.id);
    const { caller } = callerFor(ana.id);
    await a.type(0, "The group meets monthly");
    await caller.document.nameVersion({ id: document.id, name: "One" });

    await b.remove("monthly");
    // A compaction in between: Ben's deletion is still credited to him.
    await compactDocument(getDb(), document.id);
    await a.type("end", "in Bath");
    const suggestion = await suggestInsertion(document.id, ben.id, "often ", "in Bath");
    await caller.suggestion.accept({ id: suggestion });
    await caller.document.nameVersion({ id: document.id, name: "Two" });

    const { items } = await caller.document.versions({ id: document.id });
    expect(items.map((version) => version.name)).toEqual(["Two", "One"]);
    expect(countsOf(items[0]!)).toEqual({
      "Ana Alder": { wordsAdded: 2, wordsRemoved: 0, suggestionsAccepted: 0 },
      "Ben Birch": { wordsAdded: 1, wordsRemoved: 1, suggestionsAccepted: 1 },
    });
    expect(countsOf(items[1]!)).toEqual({ "Ana Alder": { wordsAdded: 4, wordsRemoved: 0, suggestionsAccepted: 0 } });
  });

  it("credits words of clients nobody claimed to no one, and shows versions recorded before counting as not counted", async () => {
    const { ana, document } = await setUp();
    await editorOf(document.id, null).type(0, "Imported long ago");
    await editorOf(document.id, ana.id).type("end", " and today");
    const { caller } = callerFor(ana.id);
    const version = await caller.document.nameVersion({ id: document.id, name: "Mixed" });
    const old = await getDb().documentVersion.create({
      data: { documentId: document.id, kind: "named", name: "Before counting", state: new Uint8Array(await loadDocumentState(getDb(), document.id)), createdAt: new Date(Date.now() - 86_400_000), authors: { create: [{ userId: ana.id }] } },
      select: { id: true },
    });
    const { items } = await caller.document.versions({ id: document.id });
    expect(countsOf(items.find(({ id }) => id === version.id)!)).toEqual({ "Ana Alder": { wordsAdded: 2, wordsRemoved: 0, suggestionsAccepted: 0 } });
    expect(countsOf(items.find(({ id }) => id === old.id)!)).toEqual({ "Ana Alder": null });
  });
});
