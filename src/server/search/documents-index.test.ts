import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getDb } from "@/server/db";
import { OpenDocuments } from "@/server/documents/open-documents";
import { appendUpdate, loadDocumentState } from "@/server/documents/persistence";
import { afterUpdatePersisted } from "@/server/documents/live";
import type { PmNode } from "@/server/documents/versions/content";
import { replacementUpdate } from "@/server/documents/versions/state";
import { heading, paragraph, stateOf } from "@/server/documents/versions/test-content";
import { flushDocumentIndexes, indexStaleText } from "@/server/search/documents-index";
import { rebuildSearchIndex } from "@/server/search/reindex";
import type { SearchQueryInput } from "@/server/search/schemas";
import { addMember, callerFor, makeDocument, makeGroup, makeUser } from "@/server/test/factories";

// The same tests run on SQLite and PostgreSQL (npx tsx scripts/test-pg.ts src/server/search/documents-index.test.ts).
const db = () => getDb();
type Person = { id: string; name: string };
const as = (person: Person) => callerFor(person.id).caller;
const search = (person: Person, q: string, more: Omit<SearchQueryInput, "q"> = {}) => as(person).search.query({ q, ...more });
const found = async (person: Person, q: string, more: Omit<SearchQueryInput, "q"> = {}) =>
  (await search(person, q, more)).results.map(({ type, id, title, url }) => ({ type, id, title, url }));

/** A made-up word no other test writes, so tests sharing the database never find each other's words. */
const unique = (start: string) => `${start}${Array.from(randomBytes(6), (byte) => String.fromCharCode(97 + (byte % 26))).join("")}`;

async function documentGroup() {
  const group = await makeGroup();
  const [admin, member, guest, invited, outsider] = await Promise.all([makeUser(), makeUser(), makeUser(), makeUser(), makeUser()]);
  await addMember(group.id, admin.id, "admin");
  await addMember(group.id, member.id, "member");
  await addMember(group.id, guest.id, "guest");
  await addMember(group.id, invited.id, "guest");
  await addMember((await makeGroup()).id, outsider.id, "member");
  const document = await makeDocument({ groupId: group.id, createdById: admin.id, title: "Vision", guestIds: [invited.id] });
  return { group, admin, member, guest, invited, outsider, document };
}

/** One person's edit as the live path stores it: the update on disk, then the hooks that follow it. */
async function edit(documentId: string, userId: string, content: PmNode[]) {
  const { update } = replacementUpdate(await loadDocumentState(db(), documentId), stateOf(content));
  await appendUpdate(db(), documentId, update, userId);
  afterUpdatePersisted(db(), documentId, userId);
}

describe("documents in search", () => {
  it("finds a document by the words of its current text once typing rests, and no longer by words taken out", async () => {
    const { admin, member, document } = await documentGroup();
    const [before, after] = [unique("lantern"), unique("harbour")];
    await edit(document.id, admin.id, [heading(1, "Our aims"), paragraph(`A ${before} in every street.`)]);
    await flushDocumentIndexes();
    expect(await found(member, before)).toEqual([{ type: "document", id: document.id, title: "Vision", url: `/documents/${document.id}` }]);
    expect((await search(member, before)).results[0]!.snippet).toContain(`«${before}»`);

    await edit(document.id, member.id, [heading(1, "Our aims"), paragraph(`A ${after} for everyone.`)]);
    await flushDocumentIndexes();
    expect(await found(member, before)).toEqual([]);
    expect(await found(member, after)).toEqual([{ type: "document", id: document.id, title: "Vision", url: `/documents/${document.id}` }]);
  });

  it("takes the text of a document open for live editing when its last editor leaves, and before the server stops", async () => {
    const { admin, member, document } = await documentGroup();
    const [first, second] = [unique("meadow"), unique("orchard")];
    const documents = new OpenDocuments(db());
    const typed = async (words: string) => {
      const open = await documents.seat(document.id, "socket-1", { userId: admin.id, name: admin.name, canEdit: true });
      const { update } = replacementUpdate(await loadDocumentState(db(), document.id), stateOf([paragraph(words)]));
      await documents.store(open, update, admin.id);
      return open;
    };
    const open = await typed(`The ${first} path`);
    documents.vacate(open, "socket-1");
    await expect.poll(() => found(member, first)).toEqual([expect.objectContaining({ id: document.id })]);

    // As a stopping server does (serve.ts): the updates on disk, then the text search was still to take.
    await typed(`The ${second} path`);
    await documents.flush();
    await flushDocumentIndexes();
    expect(await found(member, second)).toEqual([expect.objectContaining({ id: document.id })]);
    documents.dropAll();
  });

  it("finds a named version by its words, linking to it in the document's history, after the document moved on", async () => {
    const { admin, member, document } = await documentGroup();
    const [old, current] = [unique("willow"), unique("birch")];
    await edit(document.id, admin.id, [paragraph(`Plant a ${old} by the river.`)]);
    const version = await as(member).document.nameVersion({ id: document.id, name: "First draft" });
    await edit(document.id, admin.id, [paragraph(`Plant a ${current} by the river.`)]);
    await flushDocumentIndexes();

    expect(await found(member, old)).toEqual([
      { type: "document", id: version.id, title: "Vision — First draft", url: `/documents/${document.id}/history?version=${version.id}` },
    ]);
    expect(await found(member, current)).toEqual([expect.objectContaining({ id: document.id, url: `/documents/${document.id}` })]);
    // Automatic checkpoints and restores are not results of their own.
    expect(await db().searchEntry.count({ where: { documentId: document.id } })).toBe(2);
  });

  it("shows documents to members and the guests invited to them, not to other guests, other groups or those who left", async () => {
    const { group, admin, member, guest, invited, outsider, document } = await documentGroup();
    const word = unique("beacon");
    await edit(document.id, admin.id, [paragraph(`Light the ${word}.`)]);
    await as(member).document.nameVersion({ id: document.id, name: "Agreed" });
    await flushDocumentIndexes();
    const other = await makeDocument({ groupId: group.id, createdById: admin.id, title: `Budget ${word}` });

    expect(await found(member, word)).toHaveLength(3);
    expect((await found(invited, word)).map(({ title }) => title).sort()).toEqual(["Vision", "Vision — Agreed"]);
    expect(await found(guest, word)).toEqual([]);
    expect(await found(outsider, word)).toEqual([]);
    // A member elsewhere who is a guest here sees what guests see here.
    await addMember(group.id, outsider.id, "guest");
    expect(await found(outsider, word)).toEqual([]);
    expect(await found(invited, word, { types: ["document"] })).not.toContainEqual(expect.objectContaining({ id: other.id }));

    await db().membership.deleteMany({ where: { groupId: group.id, userId: member.id } });
    expect(await found(member, word)).toEqual([]);
  });

  it("filters by type:document and the Documents chip, and follows renames and deletions", async () => {
    const { group, admin, member, document } = await documentGroup();
    const word = unique("compass");
    await edit(document.id, admin.id, [paragraph(`Set the ${word}.`)]);
    await as(admin).thread.create({ groupId: group.id, title: `Thread about the ${word}`, body: "Words." });
    await flushDocumentIndexes();

    expect((await found(member, word)).map(({ type }) => type).sort()).toEqual(["document", "thread"]);
    expect(await found(member, `${word} type:document`)).toEqual([expect.objectContaining({ type: "document", id: document.id })]);
    expect(await found(member, word, { types: ["document"] })).toEqual([expect.objectContaining({ type: "document", id: document.id })]);
    expect(await found(member, `${word} type:thread`)).toEqual([expect.objectContaining({ type: "thread" })]);

    const renamed = unique("Charter");
    await as(member).document.rename({ id: document.id, title: renamed });
    expect(await found(member, renamed)).toEqual([expect.objectContaining({ id: document.id, title: renamed })]);

    await db().document.delete({ where: { id: document.id } });
    expect(await found(member, word, { types: ["document"] })).toEqual([]);
    expect(await db().searchEntry.count({ where: { documentId: document.id } })).toBe(0);
  });

  it("takes text left waiting (an import, a restart) in the search worker's pass, and again on a rebuild", async () => {
    const { group, admin, member } = await documentGroup();
    const word = unique("thistle");
    // Written as an import writes it: the text arrives in the snapshot, not through the live path.
    const imported = await db().document.create({
      data: { groupId: group.id, title: "Imported", createdById: admin.id, snapshot: stateOf([paragraph(`A ${word} grows.`)]) },
      select: { id: true },
    });
    expect(await found(member, word)).toEqual([]);
    expect(await indexStaleText(db())).toBeGreaterThanOrEqual(1);
    expect(await found(member, word)).toEqual([expect.objectContaining({ id: imported.id })]);

    await rebuildSearchIndex(db());
    expect(await found(member, word)).toEqual([expect.objectContaining({ id: imported.id })]);
  });
});
