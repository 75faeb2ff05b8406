import { getSchema } from "@tiptap/core";
import { yXmlFragmentToProseMirrorRootNode } from "@tiptap/y-tiptap";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { DOCUMENT_FRAGMENT, documentExtensions } from "@/lib/documents/extensions";
import { seedDemoDocuments } from "@/server/bootstrap/demo-documents";
import { getDb } from "@/server/db";
import { requireDocumentAccess } from "@/server/documents/access";
import { appendUpdate, compactDocument, loadDocumentState } from "@/server/documents/persistence";
import { textIn, typeInto } from "@/server/documents/test-editing";
import { checkUpdate } from "@/server/documents/update-check";
import { addMember, callerFor, makeDocument, makeGroup, makeUser } from "@/server/test/factories";

const db = () => getDb();

async function scene() {
  const group = await makeGroup();
  const [admin, member, guest, uninvitedGuest, outsider] = [await makeUser(), await makeUser(), await makeUser(), await makeUser(), await makeUser()];
  await addMember(group.id, admin.id, "admin");
  await addMember(group.id, member.id);
  await addMember(group.id, guest.id, "guest");
  await addMember(group.id, uninvitedGuest.id, "guest");
  const document = await makeDocument({ groupId: group.id, createdById: admin.id, guestIds: [guest.id] });
  return { group, admin, member, guest, uninvitedGuest, outsider, document };
}

/** Each edit as its own update, the way editors send them. */
function edits(...words: string[]): { text: () => string; updates: Uint8Array[] } {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on("update", (update: Uint8Array) => updates.push(update));
  for (const word of words) typeInto(doc, textIn(doc).length, word);
  return { text: () => textIn(doc), updates };
}

async function textOf(documentId: string): Promise<string> {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, await loadDocumentState(db(), documentId));
  return textIn(doc);
}

describe("document access", () => {
  it("lets members edit, invited guests read, and hides the document from everyone else", async () => {
    const { member, guest, uninvitedGuest, outsider, document } = await scene();
    await expect(requireDocumentAccess(db(), member.id, document.id, "edit")).resolves.toMatchObject({ canEdit: true, title: document.title });
    await expect(requireDocumentAccess(db(), guest.id, document.id, "view")).resolves.toMatchObject({ canEdit: false });
    await expect(requireDocumentAccess(db(), guest.id, document.id, "edit")).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(requireDocumentAccess(db(), uninvitedGuest.id, document.id, "view")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(requireDocumentAccess(db(), outsider.id, document.id, "view")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(requireDocumentAccess(db(), member.id, "missing", "view")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("document persistence", () => {
  it("loads the snapshot merged with later updates, and compacts without losing an update stored meanwhile", async () => {
    const { admin, document } = await scene();
    expect(await textOf(document.id)).toBe("");
    const { updates, text } = edits("We ", "want ", "homes");
    const ids = [];
    for (const update of updates) ids.push(await appendUpdate(db(), document.id, update, admin.id));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(await textOf(document.id)).toBe(text());

    await compactDocument(db(), document.id);
    const row = await db().document.findUniqueOrThrow({ where: { id: document.id }, select: { snapshotUpdateId: true } });
    expect(row.snapshotUpdateId).toBe(ids.at(-1));
    expect(await db().documentUpdate.count({ where: { documentId: document.id } })).toBe(0);
    expect(await textOf(document.id)).toBe("We want homes");

    const more = new Y.Doc();
    Y.applyUpdate(more, await loadDocumentState(db(), document.id));
    const before = Y.encodeStateVector(more);
    typeInto(more, 0, "Together ");
    await appendUpdate(db(), document.id, Y.encodeStateAsUpdate(more, before), null);
    expect(await textOf(document.id)).toBe("Together We want homes");
    await compactDocument(db(), document.id);
    expect(await textOf(document.id)).toBe("Together We want homes");
  });

  it("accepts only readable Yjs updates within the size limit", () => {
    expect(checkUpdate(edits("hi").updates[0]!)).toMatchObject({ ok: true, empty: false });
    expect(checkUpdate(Y.encodeStateAsUpdate(new Y.Doc()))).toMatchObject({ ok: true, empty: true });
    expect(checkUpdate("hi")).toMatchObject({ ok: false });
    expect(checkUpdate(new Uint8Array([7, 7, 7, 7]))).toMatchObject({ ok: false });
    expect(checkUpdate(edits("x".repeat(100)).updates[0]!, 50)).toMatchObject({ ok: false });
  });
});

describe("document procedures", () => {
  it("lists the group's vision first, and to guests only what they were invited to", async () => {
    const { group, admin, guest, document } = await scene();
    const { caller } = callerFor(admin.id);
    const notes = await caller.document.create({ groupId: group.id, title: "Meeting notes" });
    const vision = await caller.document.create({ groupId: group.id, title: "Vision for the valley" });
    const list = await caller.document.list({ groupId: group.id });
    expect(list.canCreate).toBe(true);
    expect(list.items.map(({ id }) => id)).toEqual([vision.id, notes.id, document.id]);
    expect(list.items[0]).toMatchObject({ leading: true, adoptedVersion: null });

    const guestList = await callerFor(guest.id).caller.document.list({ groupId: group.id });
    expect(guestList).toMatchObject({ canCreate: false, items: [{ id: document.id }] });
    await expect(callerFor(guest.id).caller.document.byId({ id: vision.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("puts a document with an adopted version before one that is only titled Vision", async () => {
    const { group, admin } = await scene();
    const { caller } = callerFor(admin.id);
    await caller.document.create({ groupId: group.id, title: "Vision draft" });
    const adopted = await caller.document.create({ groupId: group.id, title: "Our charter" });
    const version = await db().documentVersion.create({
      data: { documentId: adopted.id, kind: "named", name: "Charter as agreed", state: new Uint8Array(Y.encodeStateAsUpdate(new Y.Doc())), adoptedAt: new Date() },
      select: { id: true },
    });
    await db().document.update({ where: { id: adopted.id }, data: { adoptedVersionId: version.id } });
    const list = await caller.document.list({ groupId: group.id });
    expect(list.items[0]).toMatchObject({ id: adopted.id, leading: true, adoptedVersion: { id: version.id, name: "Charter as agreed" } });
    const detail = await caller.document.byId({ id: adopted.id });
    expect(detail).toMatchObject({ canEdit: true, canInviteGuests: true, adoptedVersion: { name: "Charter as agreed" } });
  });

  it("renames for editors and tells a guest they may only read", async () => {
    const { admin, guest, document } = await scene();
    await callerFor(admin.id).caller.document.rename({ id: document.id, title: "  Vision 2030 " });
    expect(await callerFor(guest.id).caller.document.byId({ id: document.id })).toMatchObject({ title: "Vision 2030", canEdit: false, canInviteGuests: false });
    await expect(callerFor(guest.id).caller.document.rename({ id: document.id, title: "Mine" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("invites a stakeholder to read one document: accepting makes them its guest", async () => {
    const { group, admin, document } = await scene();
    const other = await makeDocument({ groupId: (await makeGroup()).id, createdById: admin.id });
    const email = `reader-${Date.now()}@example.test`;
    await expect(
      callerFor(admin.id).caller.invitation.create({ groupId: group.id, emails: [email], role: "guest", documentId: other.id }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const result = await callerFor(admin.id).caller.invitation.create({ groupId: group.id, emails: [email], role: "guest", documentId: document.id });
    const token = new URL(result.invitations[0]!.link).pathname.split("/").at(-1)!;
    await callerFor(null).caller.invitation.accept({ token, name: "Rita Reader", password: "a long enough password" });
    const reader = await db().user.findUniqueOrThrow({ where: { email }, select: { id: true } });
    expect(await callerFor(reader.id).caller.document.byId({ id: document.id })).toMatchObject({ canEdit: false });
  });
});

describe("demo documents", () => {
  it("seeds a vision draft that the editor's schema reads, listed first, with a suggestion and an amendment open", async () => {
    const { group, admin, member } = await scene();
    await db().$transaction((tx) => seedDemoDocuments(tx, group.id, { alex: admin.id, priya: member.id, tom: admin.id, grace: member.id }));
    const list = await callerFor(member.id).caller.document.list({ groupId: group.id });
    const vision = list.items[0]!;
    expect(vision).toMatchObject({ title: "Vision for a compassionate Bath", leading: true });
    const doc = new Y.Doc();
    Y.applyUpdate(doc, await loadDocumentState(db(), vision.id));
    const root = yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(DOCUMENT_FRAGMENT), getSchema(documentExtensions));
    expect(root.firstChild?.type.name).toBe("heading");
    expect(root.firstChild?.textContent).toBe("A compassionate Bath");
    expect(root.textContent).toContain("How we will know");
    const suggestions = await callerFor(member.id).caller.suggestion.list({ documentId: vision.id });
    expect(suggestions.items.map(({ author }) => author.id)).toEqual([member.id, admin.id]);
    const amendments = await callerFor(member.id).caller.amendment.list({ documentId: vision.id });
    expect(amendments.items).toMatchObject([{ number: 1, status: "open", passage: "training for volunteers", replacement: "paid training for volunteers and carers" }]);
    const authorship = JSON.stringify(await callerFor(member.id).caller.document.authorship({ id: vision.id }));
    expect(authorship).toContain(member.id);
    expect(authorship).toContain(admin.id);
  });
});
