import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import { getDb } from "@/server/db";
import { deleteStoredFileIfUnused, deleteStoredFilesIfUnused, ORPHAN_AGE_MS, sweepOrphanedFiles } from "@/server/files/cleanup";
import { storeUpload } from "@/server/files/service";
import { localDiskStorage, type FileStorage } from "@/server/files/storage";
import { addMember, callerFor, makeGroup, makeUser } from "@/server/test/factories";

const roots: string[] = [];
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

function newStorage() {
  const root = mkdtempSync(path.join(tmpdir(), "hearth-cleanup-"));
  roots.push(root);
  const storage = localDiskStorage(root);
  const hasContent = async (fileId: string) => {
    const { sha256 } = await getDb().storedFile.findUniqueOrThrow({ where: { id: fileId }, select: { sha256: true } });
    return existsSync(path.join(root, sha256.slice(0, 2), sha256));
  };
  const contentOf = (sha256: string) => existsSync(path.join(root, sha256.slice(0, 2), sha256));
  return { storage, hasContent, contentOf };
}

const pdf = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n%%EOF\n`);

async function upload(userId: string, storage: FileStorage, content: Buffer, filename = "minutes.pdf") {
  const file = await storeUpload(getDb(), userId, { filename, stream: Readable.from([content]) }, storage);
  const { sha256 } = await getDb().storedFile.findUniqueOrThrow({ where: { id: file.id }, select: { sha256: true } });
  return { id: file.id, sha256 };
}

const rowExists = async (id: string) => (await getDb().storedFile.count({ where: { id } })) === 1;

describe("deleteStoredFileIfUnused", () => {
  it("removes an unused file's row and content, keeping content another row still shares", async () => {
    const user = await makeUser();
    const { storage, contentOf } = newStorage();
    const first = await upload(user.id, storage, pdf("shared"));
    const copy = await upload(user.id, storage, pdf("shared"), "copy.pdf");

    expect(await deleteStoredFileIfUnused(getDb(), first.id, storage)).toBe(true);
    expect(await rowExists(first.id)).toBe(false);
    expect(contentOf(first.sha256)).toBe(true);

    expect(await deleteStoredFileIfUnused(getDb(), copy.id, storage)).toBe(true);
    expect(contentOf(copy.sha256)).toBe(false);
    expect(await deleteStoredFileIfUnused(getDb(), copy.id, storage)).toBe(false);
  });

  it("leaves files attached to a thread or used by a resource version", async () => {
    const group = await makeGroup();
    const author = await makeUser();
    await addMember(group.id, author.id, "admin");
    const { storage, hasContent } = newStorage();
    const attached = await upload(author.id, storage, pdf("attached"));
    const versioned = await upload(author.id, storage, pdf("versioned"));
    const loose = await upload(author.id, storage, pdf("loose"));
    await callerFor(author.id).caller.thread.create({ groupId: group.id, title: "Plan", body: "See attached.", attachmentIds: [attached.id] });
    await getDb().resource.create({
      data: { groupId: group.id, authorId: author.id, kind: "file", title: "Plan", latestVersion: 1, versions: { create: { number: 1, fileId: versioned.id, uploadedById: author.id } } },
    });

    expect(await deleteStoredFilesIfUnused(getDb(), [attached.id, versioned.id, loose.id], storage)).toBe(1);
    expect(await rowExists(attached.id)).toBe(true);
    expect(await rowExists(versioned.id)).toBe(true);
    expect(await hasContent(attached.id)).toBe(true);
    expect(await hasContent(versioned.id)).toBe(true);
    expect(await rowExists(loose.id)).toBe(false);
  });

  it("removes the content of a deleted resource's versions once the resource is gone", async () => {
    const group = await makeGroup();
    const author = await makeUser();
    await addMember(group.id, author.id, "admin");
    const { storage, contentOf } = newStorage();
    const v1 = await upload(author.id, storage, pdf("v1"));
    const v2 = await upload(author.id, storage, pdf("v2"));
    const resource = await getDb().resource.create({
      data: {
        groupId: group.id,
        authorId: author.id,
        kind: "file",
        title: "Budget",
        latestVersion: 2,
        versions: { create: [v1, v2].map((file, index) => ({ number: index + 1, fileId: file.id, uploadedById: author.id })) },
      },
      select: { id: true },
    });
    await getDb().resource.delete({ where: { id: resource.id } });

    expect(await deleteStoredFilesIfUnused(getDb(), [v1.id, v2.id], storage)).toBe(2);
    expect(contentOf(v1.sha256)).toBe(false);
    expect(contentOf(v2.sha256)).toBe(false);
  });

  it("logs rather than throws when the content cannot be removed, and the row is gone either way", async () => {
    const user = await makeUser();
    const { storage } = newStorage();
    const file = await upload(user.id, storage, pdf("stuck"));
    const failing: FileStorage = { ...storage, remove: () => Promise.reject(new Error("bucket unreachable")) };
    await expect(deleteStoredFileIfUnused(getDb(), file.id, failing)).resolves.toBe(true);
    expect(await rowExists(file.id)).toBe(false);
  });

  it("never loses the content of an identical upload made while it is being removed", async () => {
    const user = await makeUser();
    const { storage, hasContent } = newStorage();
    const content = pdf("uploaded again");
    const old = await upload(user.id, storage, content);
    // A slow removal (as from a distant bucket), with the same bytes uploaded again meanwhile.
    let removalStarted!: () => void;
    const removing = new Promise<void>((resolve) => (removalStarted = resolve));
    const slow: FileStorage = {
      ...storage,
      remove: async (sha256) => {
        removalStarted();
        await new Promise((resolve) => setTimeout(resolve, 300));
        await storage.remove(sha256);
      },
    };
    const deletion = deleteStoredFileIfUnused(getDb(), old.id, slow);
    await removing;
    const fresh = await upload(user.id, slow, content);
    await deletion;
    expect(await hasContent(fresh.id)).toBe(true);
  });
});

describe("sweepOrphanedFiles", () => {
  it("removes uploads never attached after a day, and keeps recent or attached ones", async () => {
    const group = await makeGroup();
    const author = await makeUser();
    await addMember(group.id, author.id, "member");
    const { storage, contentOf } = newStorage();
    const abandoned = await upload(author.id, storage, pdf("abandoned"));
    const recent = await upload(author.id, storage, pdf("recent"));
    const attached = await upload(author.id, storage, pdf("attached old"));
    await callerFor(author.id).caller.thread.create({ groupId: group.id, title: "Old", body: "Body", attachmentIds: [attached.id] });
    const dayAndMore = new Date(Date.now() - ORPHAN_AGE_MS - 60_000);
    await getDb().storedFile.updateMany({ where: { id: { in: [abandoned.id, attached.id] } }, data: { createdAt: dayAndMore } });

    await sweepOrphanedFiles(getDb(), new Date(), storage);

    expect(await rowExists(abandoned.id)).toBe(false);
    expect(contentOf(abandoned.sha256)).toBe(false);
    expect(await rowExists(recent.id)).toBe(true);
    expect(await rowExists(attached.id)).toBe(true);
  });
});
