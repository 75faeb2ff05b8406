import { describe, expect, it } from "vitest";
import { getDb } from "@/server/db";
import { editorOf } from "@/server/documents/authorship/test-authorship";
import { addMember, callerFor, makeDocument, makeGroup, makeUser } from "@/server/test/factories";

async function setUp() {
  const group = await makeGroup();
  const [ana, ben, guest, outsider] = [await makeUser({ name: "Ana Alder" }), await makeUser({ name: "Ben Birch" }), await makeUser(), await makeUser()];
  await addMember(group.id, ana.id);
  await addMember(group.id, ben.id);
  await addMember(group.id, guest.id, "guest");
  const document = await makeDocument({ groupId: group.id, createdById: ana.id, guestIds: [guest.id] });
  return { group, ana, ben, guest, outsider, document };
}

describe("document.authorship", () => {
  it("gives the text in runs by author, with text nobody claimed as earlier edits", async () => {
    const { ana, ben, document } = await setUp();
    await editorOf(document.id, null).type(0, "Imported text.");
    await editorOf(document.id, ana.id).type("end", " Ana wrote this,");
    await editorOf(document.id, ben.id).type("end", " and Ben this.");
    const { caller } = callerFor(ana.id);
    const result = await caller.document.authorship({ id: document.id });
    expect(result.blocks).toEqual([
      {
        kind: "paragraph",
        level: 0,
        quote: false,
        runs: [
          { text: "Imported text. ", authorId: null },
          { text: "Ana wrote this, ", authorId: ana.id },
          { text: "and Ben this.", authorId: ben.id },
        ],
      },
    ]);
    expect(result.authors).toEqual([
      { id: ana.id, name: "Ana Alder" },
      { id: ben.id, name: "Ben Birch" },
    ]);
    expect(result.hasEarlierEdits).toBe(true);
    expect(result.versionId).toBeNull();

    // A version reads as it was then.
    const version = await caller.document.nameVersion({ id: document.id, name: "Then" });
    await editorOf(document.id, ben.id).remove("Imported text. ");
    const then = await caller.document.authorship({ id: document.id, versionId: version.id });
    expect(then.blocks[0]!.runs.map(({ text }) => text).join("")).toBe("Imported text. Ana wrote this, and Ben this.");
    const now = await caller.document.authorship({ id: document.id });
    expect(now.blocks[0]!.runs).toEqual([
      { text: "Ana wrote this, ", authorId: ana.id },
      { text: "and Ben this.", authorId: ben.id },
    ]);
    expect(now.hasEarlierEdits).toBe(false);
  });

  it("answers those who may see the document only, and never for a version of another document", async () => {
    const { group, ana, guest, outsider, document } = await setUp();
    await editorOf(document.id, ana.id).type(0, "Private words");
    expect((await callerFor(guest.id).caller.document.authorship({ id: document.id })).authors).toEqual([{ id: ana.id, name: "Ana Alder" }]);
    await expect(callerFor(outsider.id).caller.document.authorship({ id: document.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(callerFor(null).caller.document.authorship({ id: document.id })).rejects.toMatchObject({ code: "UNAUTHORIZED" });

    const other = await makeDocument({ groupId: group.id, createdById: ana.id });
    const { id: elsewhere } = await callerFor(ana.id).caller.document.nameVersion({ id: other.id, name: "Other" });
    await expect(callerFor(ana.id).caller.document.authorship({ id: document.id, versionId: elsewhere })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(callerFor(ana.id).caller.document.authorship({ id: document.id, versionId: "x".repeat(101) })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await getDb().documentClient.count({ where: { documentId: other.id } })).toBe(0);
  });
});
