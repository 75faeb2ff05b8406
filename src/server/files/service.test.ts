import { existsSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/server/db";
import { receiveFile } from "@/server/files/multipart";
import { canDownload, findDownload, storeUpload } from "@/server/files/service";
import { getFileStorage } from "@/server/files/storage";
import { addMember, callerFor, makeGroup, makeStoredFile, makeUser } from "@/server/test/factories";

const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n");
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

let root: string;
beforeAll(() => {
  process.env.HEARTH_DATA_DIR = mkdtempSync(path.join(tmpdir(), "hearth-files-"));
  root = path.join(process.env.HEARTH_DATA_DIR, "uploads");
});

/** Every stored content file (excluding the temp folder). */
function storedContent(): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && !entry.parentPath.endsWith("tmp"))
    .map((entry) => entry.name);
}
const tempFiles = () => (existsSync(path.join(root, "tmp")) ? readdirSync(path.join(root, "tmp")) : []);

describe("storeUpload", () => {
  it("stores identical uploads once on disk, as one row per upload", async () => {
    const user = await makeUser();
    const before = storedContent().length;
    const first = await storeUpload(getDb(), user.id, { filename: "minutes.pdf", stream: Readable.from([PDF]) });
    const second = await storeUpload(getDb(), user.id, { filename: "minutes copy.pdf", stream: Readable.from([PDF]) });

    expect(first).toEqual({ id: expect.any(String), name: "minutes.pdf", size: PDF.length, contentType: "application/pdf" });
    expect(second.id).not.toBe(first.id);
    expect(storedContent().length).toBe(before + 1);
    const rows = await getDb().storedFile.findMany({ where: { uploadedById: user.id }, select: { sha256: true } });
    expect(rows).toHaveLength(2);
    expect(rows[0]!.sha256).toBe(rows[1]!.sha256);
  });

  it("stops as soon as the size limit is passed, with a clear message, leaving no temp file and no row", async () => {
    const user = await makeUser();
    const chunk = Buffer.alloc(64 * 1024, 0x41);
    // An upload that never ends: refusing it proves the limit does not wait for the end of the stream.
    const endless = Readable.from(
      (async function* () {
        yield PDF;
        for (let sent = 0; sent < 10; sent++) yield chunk;
        await new Promise(() => undefined);
      })(),
    );
    await expect(
      storeUpload(getDb(), user.id, { filename: "huge.pdf", stream: endless }, getFileStorage(), 256 * 1024),
    ).rejects.toThrow("That file is larger than 256 KB, the most Hearth takes.");
    expect(tempFiles()).toEqual([]);
    expect(await getDb().storedFile.count({ where: { uploadedById: user.id } })).toBe(0);
  });

  it("names the default limit as 50 MB", async () => {
    const user = await makeUser();
    const stream = Readable.from([PDF, Buffer.alloc(50 * 1024 * 1024, 0x20)]);
    await expect(storeUpload(getDb(), user.id, { filename: "big.pdf", stream })).rejects.toThrow("That file is larger than 50 MB");
    expect(tempFiles()).toEqual([]);
  });

  it("refuses a PNG named .pdf and an executable, storing nothing", async () => {
    const user = await makeUser();
    const before = storedContent();
    await expect(storeUpload(getDb(), user.id, { filename: "report.pdf", stream: Readable.from([PNG]) })).rejects.toThrow(
      "“report.pdf” is named like a PDF, but its contents look like a PNG image",
    );
    const exe = Buffer.concat([Buffer.from("MZ"), Buffer.alloc(20_000, 0x90)]);
    await expect(storeUpload(getDb(), user.id, { filename: "minutes.pdf", stream: Readable.from([exe]) })).rejects.toThrow(
      "is a program or script",
    );
    expect(storedContent()).toEqual(before);
    expect(tempFiles()).toEqual([]);
    expect(await getDb().storedFile.count({ where: { uploadedById: user.id } })).toBe(0);
  });

  it("keeps only the name of the file, not the folder it came from", async () => {
    const user = await makeUser();
    const file = await storeUpload(getDb(), user.id, { filename: "C:\\Users\\ana\\notes.txt", stream: Readable.from([Buffer.from("hi")]) });
    expect(file.name).toBe("notes.txt");
  });
});

describe("receiveFile (multipart)", () => {
  const upload = (form: FormData) => new Request("http://hearth.test/api/uploads", { method: "POST", body: form });

  it("streams the field `file` with its UTF-8 name into storage", async () => {
    const user = await makeUser();
    const form = new FormData();
    form.append("file", new Blob([PDF], { type: "application/pdf" }), "Protokoll März.pdf");
    const file = await receiveFile(upload(form), (incoming) => storeUpload(getDb(), user.id, incoming));
    expect(file).toMatchObject({ name: "Protokoll März.pdf", size: PDF.length, contentType: "application/pdf" });
  });

  it("explains what to send when there is no file or no multipart body", async () => {
    const form = new FormData();
    form.append("other", "text");
    await expect(receiveFile(upload(form), () => Promise.resolve(1))).rejects.toThrow("Choose a file to upload");
    const json = new Request("http://hearth.test/api/uploads", { method: "POST", body: "{}", headers: { "content-type": "application/json" } });
    await expect(receiveFile(json, () => Promise.resolve(1))).rejects.toThrow("multipart form data");
  });
});

/** A file resource of the group with one version per file, written directly as the library would. */
async function makeFileResource(args: { groupId: string; authorId: string; fileIds: string[]; published: boolean }) {
  return getDb().resource.create({
    data: {
      groupId: args.groupId,
      authorId: args.authorId,
      kind: "file",
      title: "Budget",
      publishedAt: args.published ? new Date() : null,
      latestVersion: args.fileIds.length,
      versions: { create: args.fileIds.map((fileId, index) => ({ number: index + 1, fileId, uploadedById: args.authorId })) },
    },
    select: { id: true },
  });
}

describe("download authorisation", () => {
  it("lets the uploader download, then the group's members once attached, never outsiders or uninvited guests", async () => {
    const group = await makeGroup();
    const [author, member, guest, invitedGuest, outsider] = await Promise.all([makeUser(), makeUser(), makeUser(), makeUser(), makeUser()]);
    await addMember(group.id, author.id, "member");
    await addMember(group.id, member.id, "member");
    await addMember(group.id, guest.id, "guest");
    await addMember(group.id, invitedGuest.id, "guest");
    const file = await storeUpload(getDb(), author.id, { filename: "plan.pdf", stream: Readable.from([PDF]) });

    expect(await canDownload(getDb(), author.id, file.id)).toBe(true);
    expect(await canDownload(getDb(), member.id, file.id)).toBe(false);

    const { id: threadId } = await callerFor(author.id).caller.thread.create({
      groupId: group.id,
      title: "Plan",
      body: "See the attached plan.",
      attachmentIds: [file.id],
    });
    await getDb().threadGuest.create({ data: { threadId, userId: invitedGuest.id } });

    expect(await canDownload(getDb(), member.id, file.id)).toBe(true);
    expect(await canDownload(getDb(), invitedGuest.id, file.id)).toBe(true);
    expect(await canDownload(getDb(), guest.id, file.id)).toBe(false);
    expect(await canDownload(getDb(), outsider.id, file.id)).toBe(false);
    expect(await canDownload(getDb(), member.id, "no-such-file")).toBe(false);
    expect(await findDownload(getDb(), outsider.id, file.id)).toBeNull();
    expect(await findDownload(getDb(), member.id, file.id)).toMatchObject({ contentType: "application/pdf", originalName: "plan.pdf" });

    const thread = await callerFor(member.id).caller.thread.byId({ id: threadId });
    expect(thread.attachments).toEqual([
      { id: file.id, name: "plan.pdf", size: PDF.length, contentType: "application/pdf", url: `/api/files/${file.id}` },
    ]);
  });

  it("refuses to attach someone else's upload, creating no thread", async () => {
    const group = await makeGroup();
    const [author, other] = await Promise.all([makeUser(), makeUser()]);
    await addMember(group.id, author.id, "member");
    const theirs = await makeStoredFile(other.id);
    await expect(
      callerFor(author.id).caller.thread.create({ groupId: group.id, title: "Borrowed", body: "Body", attachmentIds: [theirs.id] }),
    ).rejects.toMatchObject({ code: "NOT_FOUND", message: "One of the attached files was not found. Upload it again." });
    expect(await getDb().thread.count({ where: { groupId: group.id } })).toBe(0);
  });

  it("allows at most 10 attachments", async () => {
    const group = await makeGroup();
    const author = await makeUser();
    await addMember(group.id, author.id, "member");
    const ids = Array.from({ length: 11 }, (_, index) => `file-${index}`);
    await expect(
      callerFor(author.id).caller.thread.create({ groupId: group.id, title: "Many", body: "Body", attachmentIds: ids }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("lets everyone who sees the library download every version of a published resource, and nobody else", async () => {
    const group = await makeGroup();
    const [admin, member, guest, outsider] = await Promise.all([makeUser(), makeUser(), makeUser(), makeUser()]);
    await addMember(group.id, admin.id, "admin");
    await addMember(group.id, member.id, "member");
    await addMember(group.id, guest.id, "guest");
    const first = await storeUpload(getDb(), admin.id, { filename: "budget v1.pdf", stream: Readable.from([PDF]) });
    const second = await storeUpload(getDb(), admin.id, { filename: "budget v2.pdf", stream: Readable.from([PDF, Buffer.from("% v2\n")]) });
    await makeFileResource({ groupId: group.id, authorId: admin.id, fileIds: [first.id, second.id], published: true });

    for (const file of [first, second]) {
      expect(await canDownload(getDb(), member.id, file.id)).toBe(true);
      expect(await canDownload(getDb(), guest.id, file.id)).toBe(false);
      expect(await canDownload(getDb(), outsider.id, file.id)).toBe(false);
    }
    expect(await findDownload(getDb(), member.id, first.id)).toMatchObject({ originalName: "budget v1.pdf" });
  });

  it("keeps a draft's files to its author and those who manage resources", async () => {
    const group = await makeGroup();
    const [admin, author, member, guest] = await Promise.all([makeUser(), makeUser(), makeUser(), makeUser()]);
    await addMember(group.id, admin.id, "admin");
    await addMember(group.id, author.id, "member");
    await addMember(group.id, member.id, "member");
    await addMember(group.id, guest.id, "guest");
    const upload = await storeUpload(getDb(), author.id, { filename: "draft.pdf", stream: Readable.from([PDF]) });
    // A later version uploaded by an admin: the author did not upload it, and still may read it.
    const adminUpload = await storeUpload(getDb(), admin.id, { filename: "draft v2.pdf", stream: Readable.from([PDF, Buffer.from("%2")]) });
    await makeFileResource({ groupId: group.id, authorId: author.id, fileIds: [upload.id, adminUpload.id], published: false });

    expect(await canDownload(getDb(), admin.id, upload.id)).toBe(true);
    expect(await canDownload(getDb(), author.id, adminUpload.id)).toBe(true);
    expect(await canDownload(getDb(), member.id, upload.id)).toBe(false);
    expect(await canDownload(getDb(), member.id, adminUpload.id)).toBe(false);
    expect(await canDownload(getDb(), guest.id, adminUpload.id)).toBe(false);
  });

  it("answers with one query however many threads and versions use the file", async () => {
    const group = await makeGroup();
    const [admin, member] = await Promise.all([makeUser(), makeUser()]);
    await addMember(group.id, admin.id, "admin");
    await addMember(group.id, member.id, "member");
    const file = await storeUpload(getDb(), admin.id, { filename: "shared.pdf", stream: Readable.from([PDF]) });
    await Promise.all([1, 2, 3].map(() => makeFileResource({ groupId: group.id, authorId: admin.id, fileIds: [file.id], published: false })));
    let queries = 0;
    const counting = getDb().$extends({ query: { $allOperations: ({ args, query }) => ((queries += 1), query(args)) } }) as unknown as ReturnType<typeof getDb>;
    expect(await canDownload(counting, member.id, file.id)).toBe(false);
    expect(queries).toBe(1);
  });
});
