import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { getDb } from "@/server/db";
import { appendUpdate, loadDocumentState } from "@/server/documents/persistence";
import { CHECKPOINT_INTERVAL_MS, maybeCheckpoint } from "@/server/documents/versions/checkpoints";
import { blocksOf } from "@/server/documents/versions/content";
import { contentOf, replacementUpdate } from "@/server/documents/versions/state";
import { heading, paragraph, stateOf } from "@/server/documents/versions/test-content";
import type { PmNode } from "@/server/documents/versions/content";
import { addMember, callerFor, makeDocument, makeGroup, makeUser } from "@/server/test/factories";

async function setUp() {
  const group = await makeGroup();
  const [admin, member, guest] = await Promise.all([makeUser({ name: "Ada Admin" }), makeUser({ name: "Mo Member" }), makeUser()]);
  await addMember(group.id, admin.id, "admin");
  await addMember(group.id, member.id, "member");
  await addMember(group.id, guest.id, "guest");
  const document = await makeDocument({ groupId: group.id, createdById: admin.id, title: "Vision", guestIds: [guest.id] });
  return { group, admin, member, guest, document };
}

/** One person's edit, stored as the update that turns the stored text into `content`. */
async function edit(documentId: string, userId: string, content: PmNode[]) {
  const { update } = replacementUpdate(await loadDocumentState(getDb(), documentId), stateOf(content));
  await appendUpdate(getDb(), documentId, update, userId);
}

const textOf = async (documentId: string) => blocksOf(contentOf(await loadDocumentState(getDb(), documentId))).map((block) => block.text);

describe("document versions", () => {
  it("names versions and lists them newest first with everyone who edited since the version before", async () => {
    const { admin, member, document } = await setUp();
    const { caller } = callerFor(member.id);
    await edit(document.id, admin.id, [paragraph("First words")]);
    await edit(document.id, member.id, [paragraph("First words, and more")]);
    const first = await caller.document.nameVersion({ id: document.id, name: "  Draft for November  " });
    await edit(document.id, member.id, [paragraph("Second draft")]);
    await caller.document.nameVersion({ id: document.id, name: "Second" });

    const { items, nextCursor, canEdit } = await caller.document.versions({ id: document.id });
    expect(nextCursor).toBeNull();
    expect(canEdit).toBe(true);
    expect(items.map((v) => [v.kind, v.name, v.authors.map((a) => a.name)])).toEqual([
      ["named", "Second", ["Mo Member"]],
      ["named", "Draft for November", ["Ada Admin", "Mo Member"]],
    ]);
    expect(items[1]).toMatchObject({ id: first.id, createdBy: { id: member.id, name: "Mo Member" }, proposal: null, isAdopted: false });
    await expect(caller.document.nameVersion({ id: document.id, name: "   " })).rejects.toThrow("Give the version a name");
    await expect(caller.document.nameVersion({ id: document.id, name: "x".repeat(121) })).rejects.toThrow("under 120");
  });

  it("lets guests read the history but not name versions", async () => {
    const { admin, guest, document } = await setUp();
    await callerFor(admin.id).caller.document.nameVersion({ id: document.id, name: "One" });
    const { caller } = callerFor(guest.id);
    expect((await caller.document.versions({ id: document.id })).items).toHaveLength(1);
    await expect(caller.document.nameVersion({ id: document.id, name: "Mine" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("makes an automatic checkpoint once the latest version is ten minutes old and there were edits since", async () => {
    const { admin, member, document } = await setUp();
    const db = getDb();
    const start = Date.now();
    await edit(document.id, member.id, [paragraph("Typing")]);
    expect(await maybeCheckpoint(db, document.id, member.id, new Date(start + 5 * 60_000))).toBeNull();
    const checkpoint = await maybeCheckpoint(db, document.id, member.id, new Date(start + CHECKPOINT_INTERVAL_MS + 1000));
    expect(checkpoint).not.toBeNull();
    // Nothing edited since: no second checkpoint, however late.
    expect(await maybeCheckpoint(db, document.id, member.id, new Date(start + 60 * 60_000))).toBeNull();
    await edit(document.id, admin.id, [paragraph("Typing more")]);
    expect(await maybeCheckpoint(db, document.id, admin.id, new Date(start + 5 * 60_000))).toBeNull();
    expect(await maybeCheckpoint(db, document.id, admin.id, new Date(start + 2 * CHECKPOINT_INTERVAL_MS + 2000))).not.toBeNull();

    const { items } = await callerFor(member.id).caller.document.versions({ id: document.id });
    expect(items.map((v) => [v.kind, v.label, v.authors.map((a) => a.name)])).toEqual([
      ["auto", "Automatic checkpoint", ["Ada Admin"]],
      ["auto", "Automatic checkpoint", ["Mo Member"]],
    ]);
    expect(await maybeCheckpoint(db, "no-such-document", member.id)).toBeNull();
  });

  it("costs no query per update while a checkpoint cannot be due", async () => {
    const { member, document } = await setUp();
    let queries = 0;
    const counting = getDb().$extends({
      query: {
        $allOperations({ args, query }) {
          queries += 1;
          return query(args);
        },
      },
    }) as unknown as ReturnType<typeof getDb>;
    await edit(document.id, member.id, [paragraph("Typing")]);
    for (let minute = 0; minute < 9; minute += 1) {
      expect(await maybeCheckpoint(counting, document.id, member.id, new Date(Date.now() + minute * 60_000))).toBeNull();
    }
    expect(queries).toBe(1);
  });

  it("diffs two versions, or a version and the current text, as marked-up blocks", async () => {
    const { member, document } = await setUp();
    const { caller } = callerFor(member.id);
    await edit(document.id, member.id, [heading(1, "Vision"), paragraph("We keep the river clean."), paragraph("This line will be removed soon.")]);
    const from = await caller.document.nameVersion({ id: document.id, name: "Before" });
    await edit(document.id, member.id, [heading(2, "Vision"), paragraph("We keep the whole river clean.")]);
    const to = await caller.document.nameVersion({ id: document.id, name: "After" });

    const diff = await caller.document.diff({ id: document.id, fromVersionId: from.id, toVersionId: to.id });
    expect(diff.from.label).toBe("Before");
    expect(diff.blocks.map((b) => [b.kind, b.change, b.parts.map((p) => `${p.change}:${p.text}`)])).toEqual([
      ["heading", "changed", ["same:Vision"]],
      ["paragraph", "changed", ["same:We keep the ", "inserted:whole ", "same:river clean."]],
      ["paragraph", "deleted", ["deleted:This line will be removed soon."]],
    ]);
    expect(diff.blocks[0]!.previous).toEqual({ kind: "heading", level: 1 });

    await edit(document.id, member.id, [heading(2, "Vision"), paragraph("We keep the whole river clean."), paragraph("New end.")]);
    const sinceAfter = await caller.document.diff({ id: document.id, fromVersionId: to.id, toVersionId: "current" });
    expect(sinceAfter.to).toEqual({ versionId: null, label: "Current text", createdAt: null });
    expect(sinceAfter.blocks.at(-1)).toMatchObject({ change: "inserted", parts: [{ text: "New end.", change: "inserted" }] });

    const itself = await caller.document.diff({ id: document.id, fromVersionId: from.id, toVersionId: from.id });
    expect(itself.blocks.every((b) => b.change === "same")).toBe(true);

    const other = await setUp();
    const foreign = await callerFor(other.member.id).caller.document.nameVersion({ id: other.document.id, name: "Elsewhere" });
    await expect(caller.document.diff({ id: document.id, fromVersionId: foreign.id, toVersionId: "current" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("restores an old version as a new change that open editors receive, keeping the state it replaced", async () => {
    const { admin, member, document } = await setUp();
    const { caller, published } = callerFor(admin.id);
    await edit(document.id, member.id, [heading(1, "Vision"), paragraph("The original wording.")]);
    const old = await caller.document.nameVersion({ id: document.id, name: "Original" });
    await edit(document.id, member.id, [heading(1, "Vision"), paragraph("A rewrite nobody liked."), paragraph("Extra.")]);
    // An editor that has the document open right now.
    const open = new Y.Doc();
    Y.applyUpdate(open, await loadDocumentState(getDb(), document.id));

    const restored = await caller.document.restore({ id: document.id, versionId: old.id });

    expect(await textOf(document.id)).toEqual(["Vision", "The original wording."]);
    const live = published.filter((event) => event.name === "document.update");
    expect(live).toHaveLength(1);
    for (const event of live) Y.applyUpdate(open, (event.payload as { update: Uint8Array }).update);
    expect(blocksOf(contentOf(Y.encodeStateAsUpdate(open))).map((b) => b.text)).toEqual(["Vision", "The original wording."]);

    const { items } = await caller.document.versions({ id: document.id });
    expect(items.map((v) => [v.kind, v.name])).toEqual([
      ["restore", "Restored “Original”"],
      ["auto", null],
      ["named", "Original"],
    ]);
    expect(items[0]).toMatchObject({ id: restored.id, createdBy: { id: admin.id }, authors: [{ id: admin.id }] });
    const replaced = await caller.document.diff({ id: document.id, fromVersionId: items[1]!.id, toVersionId: items[1]!.id });
    expect(replaced.blocks.map((b) => b.parts.map((p) => p.text).join(""))).toEqual(["Vision", "A rewrite nobody liked.", "Extra."]);

    await expect(caller.document.restore({ id: document.id, versionId: old.id })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(callerFor((await makeUser()).id).caller.document.restore({ id: document.id, versionId: old.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
