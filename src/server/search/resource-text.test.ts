import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { beforeAll, describe, expect, it } from "vitest";
import { samplePdf } from "@/server/bootstrap/demo-resources";
import { getDb } from "@/server/db";
import { EventBus } from "@/server/events";
import { storeUpload } from "@/server/files/service";
import { FILE_TEXT_LIMITS } from "@/server/search/file-text-reader";
import { extractPendingFileTexts } from "@/server/search/resource-text";
import { startSearchTextWorker } from "@/server/search/text-worker";
import { sampleDocx, sampleOdt, zipBomb } from "@/server/search/test-files";
import { addMember, callerFor, makeGroup, makeUser } from "@/server/test/factories";

// The same tests run on SQLite and PostgreSQL (npx tsx scripts/test-pg.ts src/server/search/resource-text.test.ts).
const db = () => getDb();
type Person = { id: string };
const as = (person: Person) => callerFor(person.id).caller;
const found = async (person: Person, q: string) => (await as(person).search.query({ q })).results.map(({ type, id, title, snippet }) => ({ type, id, title, snippet }));

/** A made-up word no other test writes, so tests sharing the database never find each other's words. */
const unique = (start: string) => `${start}${Array.from(randomBytes(6), (byte) => String.fromCharCode(97 + (byte % 26))).join("")}`;

beforeAll(() => {
  process.env.HEARTH_DATA_DIR = mkdtempSync(path.join(tmpdir(), "hearth-file-text-"));
});

async function library() {
  const group = await makeGroup();
  const [admin, member, outsider] = await Promise.all([makeUser(), makeUser(), makeUser()]);
  await addMember(group.id, admin.id, "admin");
  await addMember(group.id, member.id, "member");
  return { group, admin, member, outsider };
}

/** Uploads the bytes as the person would (stored, checked, recorded) and adds them to the library as a file. */
async function addFile(person: Person, groupId: string, title: string, filename: string, bytes: Uint8Array) {
  const file = await storeUpload(db(), person.id, { filename, stream: Readable.from([Buffer.from(bytes)]) });
  return as(person).resource.create({ groupId, kind: "file", title, fileId: file.id });
}

const storedText = async (resourceId: string) =>
  (await db().resourceVersion.findMany({ where: { resourceId }, orderBy: { number: "asc" }, select: { extractedText: true } })).map(({ extractedText }) => extractedText);

describe("the text of resources' files in search", () => {
  it("finds PDF, Word, OpenDocument and text files by a word inside them, once their text is taken", async () => {
    const { group, admin, member, outsider } = await library();
    const word = unique("quarry");
    const files = [
      await addFile(admin, group.id, "Terms", "terms.pdf", samplePdf("Terms of reference", [`Members visit the ${word} yearly.`])),
      await addFile(admin, group.id, "Budget", "budget.docx", sampleDocx([["Spend on the ", word, " path"]])),
      await addFile(admin, group.id, "Report", "report.odt", sampleOdt("Annual report", [`The ${word} reopened.`])),
      await addFile(admin, group.id, "Notes", "notes.md", new TextEncoder().encode(`# Notes\n\nWalk to the ${word}.`)),
    ];
    expect(await found(member, word)).toEqual([]);

    expect(await extractPendingFileTexts(db())).toBeGreaterThanOrEqual(4);
    const results = await found(member, word);
    expect(results.map(({ id }) => id).sort()).toEqual(files.map(({ id }) => id).sort());
    expect(results.find(({ title }) => title === "Terms")).toMatchObject({ type: "resource", snippet: expect.stringContaining(`the «${word}» yearly`) });
    expect(await found(outsider, word)).toEqual([]);
  });

  it("searches the newest version's text only", async () => {
    const { group, admin, member } = await library();
    const [first, second] = [unique("spruce"), unique("larch")];
    const resource = await addFile(admin, group.id, "Plan", "plan.txt", new TextEncoder().encode(`Plant ${first} trees.`));
    await extractPendingFileTexts(db());
    expect(await found(member, first)).toEqual([expect.objectContaining({ id: resource.id })]);

    const file = await storeUpload(db(), admin.id, { filename: "plan.txt", stream: Readable.from([Buffer.from(`Plant ${second} trees.`)]) });
    await as(admin).resource.addVersion({ id: resource.id, fileId: file.id });
    expect(await found(member, first)).toEqual([]);
    await extractPendingFileTexts(db());
    expect(await found(member, second)).toEqual([expect.objectContaining({ id: resource.id })]);
    expect(await storedText(resource.id)).toEqual([`Plant ${first} trees.`, `Plant ${second} trees.`]);
  });

  it("keeps oversized, damaged and zip-bomb files, found by their titles, without their text", async () => {
    const { group, admin, member } = await library();
    const word = unique("gravel");
    const big = await addFile(admin, group.id, `Big ${word}`, "big.txt", new TextEncoder().encode(`${"padding ".repeat(200)} ${word}`));
    const damaged = await addFile(admin, group.id, `Damaged ${word}`, "damaged.pdf", new TextEncoder().encode("%PDF-1.7\nthis is not the rest of a PDF"));
    const bomb = await addFile(admin, group.id, `Bomb ${word}`, "bomb.docx", zipBomb("word/document.xml", 8 * 1024 * 1024));

    await extractPendingFileTexts(db(), undefined, { ...FILE_TEXT_LIMITS, maxFileBytes: 1_000, maxUnzippedBytes: 1024 * 1024 });
    for (const resource of [big, damaged, bomb]) expect(await storedText(resource.id)).toEqual([""]);
    expect((await found(member, word)).map(({ id }) => id).sort()).toEqual([big.id, damaged.id, bomb.id].sort());
    expect(await found(member, "padding")).not.toContainEqual(expect.objectContaining({ id: big.id }));
  });

  it("takes a new upload's text in the background, woken by the resource's change", async () => {
    const { group, admin, member } = await library();
    const word = unique("cairn");
    const bus = new EventBus();
    const stop = startSearchTextWorker(db(), bus, { redis: null, intervalMs: 60 * 60_000 });
    try {
      const file = await storeUpload(db(), admin.id, { filename: "walk.txt", stream: Readable.from([Buffer.from(`Meet at the ${word}.`)]) });
      const resource = await as(admin).resource.create({ groupId: group.id, kind: "file", title: "Walk", fileId: file.id });
      bus.publish({ name: "resource.changed", room: `group:${group.id}`, payload: { groupId: group.id, resourceId: resource.id } });
      await expect.poll(() => found(member, word), { timeout: 10_000 }).toEqual([expect.objectContaining({ id: resource.id })]);
    } finally {
      stop();
    }
  });
});
