import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/server/db";
import { storeUpload } from "@/server/files/service";
import { addMember, callerFor, makeGroup, makeStoredFile, makeUser } from "@/server/test/factories";

const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n");

beforeAll(() => {
  process.env.HEARTH_DATA_DIR = mkdtempSync(path.join(tmpdir(), "hearth-resources-"));
});

/** A group with one person in each role, an outsider, and whether members may add resources. */
async function library(options: { membersCanAdd?: boolean } = {}) {
  const group = await makeGroup();
  if (options.membersCanAdd) await getDb().group.update({ where: { id: group.id }, data: { membersCanAddResources: true } });
  const [admin, member, guest, outsider] = await Promise.all([makeUser(), makeUser(), makeUser(), makeUser()]);
  await addMember(group.id, admin.id, "admin");
  await addMember(group.id, member.id, "member");
  await addMember(group.id, guest.id, "guest");
  return { group, admin, member, guest, outsider };
}

const as = (userId: string) => callerFor(userId).caller;

async function addFile(userId: string, groupId: string, extra: Record<string, unknown> = {}) {
  const file = await makeStoredFile(userId);
  return as(userId).resource.create({ groupId, kind: "file", title: "Minutes", fileId: file.id, ...extra });
}

describe("adding resources", () => {
  it("publishes an admin's file as version 1 at once and notifies the members, not guests or the admin", async () => {
    const { group, admin, member, guest } = await library();
    const file = await makeStoredFile(admin.id, { originalName: "Budget 2026.pdf" });
    const { caller, published } = callerFor(admin.id);
    const created = await caller.resource.create({
      groupId: group.id,
      kind: "file",
      title: "  Budget 2026 ",
      description: "The draft budget",
      fileId: file.id,
      tags: ["#Budget", "budget", "finance"],
    });
    expect(created.draft).toBe(false);

    const detail = await as(member.id).resource.byId({ id: created.id });
    expect(detail).toMatchObject({
      kind: "file",
      title: "Budget 2026",
      description: "The draft budget",
      url: null,
      tags: ["budget", "finance"],
      draft: false,
      publishedBy: { id: admin.id },
      versionCount: 1,
      latestVersion: { number: 1, uploadedBy: { id: admin.id }, file: { id: file.id, name: "Budget 2026.pdf", url: `/api/files/${file.id}` } },
      viewer: { canEdit: false, canPublish: false, canDelete: false },
    });
    const notified = await getDb().notification.findMany({ where: { kind: "resource_published", groupId: group.id }, select: { userId: true, url: true } });
    expect(notified).toEqual([{ userId: member.id, url: `/resources/${created.id}` }]);
    expect(notified.map(({ userId }) => userId)).not.toContain(guest.id);
    expect(published.map((event) => event.name)).toContain("notification.created");
  });

  it("keeps an admin's draft quiet, visible to admins only, until it is published", async () => {
    const { group, admin, member } = await library();
    const { id } = await addFile(admin.id, group.id, { draft: true });
    expect(await getDb().notification.count({ where: { groupId: group.id } })).toBe(0);
    await expect(as(member.id).resource.byId({ id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await as(member.id).resource.list({ groupId: group.id })).items).toEqual([]);

    await expect(as(member.id).resource.publish({ id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await as(admin.id).resource.publish({ id });
    expect((await as(member.id).resource.list({ groupId: group.id })).items.map((item) => item.id)).toEqual([id]);
    expect(await getDb().notification.count({ where: { groupId: group.id, userId: member.id, kind: "resource_published" } })).toBe(1);
    await expect(as(admin.id).resource.publish({ id })).rejects.toMatchObject({ code: "CONFLICT", message: "That resource is already published." });
  });

  it("lets members add only where the group allows it, and then as drafts for an admin to publish", async () => {
    const closed = await library();
    await expect(addFile(closed.member.id, closed.group.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(addFile(closed.guest.id, closed.group.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(addFile(closed.outsider.id, closed.group.id)).rejects.toMatchObject({ code: "NOT_FOUND" });

    const open = await library({ membersCanAdd: true });
    const other = await makeUser();
    await addMember(open.group.id, other.id, "member");
    const { id, draft } = await addFile(open.member.id, open.group.id, { draft: false });
    expect(draft).toBe(true);
    expect(await getDb().notification.count({ where: { groupId: open.group.id } })).toBe(0);
    expect((await as(open.member.id).resource.byId({ id })).viewer).toEqual({ canEdit: true, canPublish: false, canDelete: true });
    expect((await as(open.admin.id).resource.byId({ id })).viewer).toEqual({ canEdit: true, canPublish: true, canDelete: true });
    await expect(as(other.id).resource.byId({ id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(as(open.member.id).resource.publish({ id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(addFile(open.guest.id, open.group.id)).rejects.toMatchObject({ code: "FORBIDDEN" });

    await as(open.admin.id).resource.publish({ id });
    expect((await as(other.id).resource.byId({ id })).draft).toBe(false);
    const told = await getDb().notification.findMany({ where: { groupId: open.group.id }, select: { userId: true } });
    expect(told.map(({ userId }) => userId).sort()).toEqual([open.member.id, other.id].sort());
  });

  it("adds links with http(s) only, refusing javascript: and data: with a clear message", async () => {
    const { group, admin } = await library();
    const link = await as(admin.id).resource.create({ groupId: group.id, kind: "link", title: "Council page", url: "www.bathnes.gov.uk/care" });
    expect((await as(admin.id).resource.byId({ id: link.id })).url).toBe("https://www.bathnes.gov.uk/care");
    for (const url of ["javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,<script>", "file:///etc/passwd"]) {
      await expect(as(admin.id).resource.create({ groupId: group.id, kind: "link", title: "Bad", url })).rejects.toMatchObject({
        code: "BAD_REQUEST",
        message: expect.stringContaining("Only web addresses starting with http:// or https:// can be added"),
      });
    }
    await expect(as(admin.id).resource.create({ groupId: group.id, kind: "link", title: "No url" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("Enter the web address to link to"),
    });
    await expect(as(admin.id).resource.create({ groupId: group.id, kind: "link", title: "Bad", url: "not a link" })).rejects.toMatchObject({
      message: expect.stringContaining("That does not look like a web address"),
    });
    expect(await getDb().resource.count({ where: { groupId: group.id } })).toBe(1);
  });

  it("refuses someone else's upload, and folders or meetings of another group", async () => {
    const { group, admin, member } = await library();
    const theirs = await makeStoredFile(member.id);
    await expect(
      as(admin.id).resource.create({ groupId: group.id, kind: "file", title: "Borrowed", fileId: theirs.id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND", message: "One of the attached files was not found. Upload it again." });

    const elsewhere = await makeGroup();
    await addMember(elsewhere.id, admin.id, "admin");
    const foreignFolder = await as(admin.id).folder.create({ groupId: elsewhere.id, name: "Theirs" });
    const foreignMeeting = await getDb().meeting.create({
      data: { groupId: elsewhere.id, title: "Their meeting", startsAt: new Date(), createdById: admin.id },
      select: { id: true },
    });
    await expect(addFile(admin.id, group.id, { folderId: foreignFolder.id })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "That folder is not in this group's library. Choose another folder.",
    });
    await expect(addFile(admin.id, group.id, { meetingId: foreignMeeting.id })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "That meeting is not one of this group's meetings. Choose another meeting.",
    });
    const ours = await getDb().meeting.create({
      data: { groupId: group.id, title: "Steering meeting", startsAt: new Date(), createdById: admin.id },
      select: { id: true },
    });
    const { id } = await addFile(admin.id, group.id, { meetingId: ours.id });
    expect((await as(admin.id).resource.byId({ id })).meeting).toEqual({ id: ours.id, title: "Steering meeting" });
    expect(await getDb().resource.count({ where: { groupId: group.id } })).toBe(1);
  });
});

describe("listing the library", () => {
  it("searches title and description ignoring case, filters by tag and folder, sorts by date or name, and pages", async () => {
    const { group, admin, member } = await library();
    const folder = await as(admin.id).folder.create({ groupId: group.id, name: "Minutes" });
    const titles = ["banana budget", "Apple plan", "cherry notes"];
    const ids: string[] = [];
    for (const [index, title] of titles.entries()) {
      const created = await addFile(admin.id, group.id, {
        title,
        description: index === 2 ? "About the BUDGET too" : "",
        tags: index === 0 ? ["finance"] : [],
        folderId: index === 1 ? folder.id : null,
      });
      ids.push(created.id);
      await getDb().resource.update({ where: { id: created.id }, data: { createdAt: new Date(Date.UTC(2026, 0, index + 1)) } });
    }
    const list = (input: Record<string, unknown>) =>
      as(member.id)
        .resource.list({ groupId: group.id, ...input })
        .then((page) => page.items.map((item) => item.title));

    expect(await list({})).toEqual(["cherry notes", "Apple plan", "banana budget"]);
    expect(await list({ sort: "name" })).toEqual(["Apple plan", "banana budget", "cherry notes"]);
    expect(await list({ search: "Budget" })).toEqual(["cherry notes", "banana budget"]);
    expect(await list({ search: "APPLE" })).toEqual(["Apple plan"]);
    expect(await list({ tag: "#finance" })).toEqual(["banana budget"]);
    expect(await list({ folderId: folder.id })).toEqual(["Apple plan"]);
    expect(await list({ folderId: null })).toEqual(["cherry notes", "banana budget"]);
    const [summary] = (await as(member.id).resource.list({ groupId: group.id, folderId: folder.id })).items;
    expect(summary).toMatchObject({ folder: { id: folder.id, name: "Minutes" }, versionCount: 1, latestVersion: { number: 1 } });
    expect(await as(member.id).resource.library({ groupId: group.id })).toEqual({
      tags: ["finance"],
      canAdd: false,
      canManage: false,
      addsAsDraft: true,
    });
  });

  it("pages by cursor without repeats or gaps in both orders", async () => {
    const { group, admin } = await library();
    await getDb().resource.createMany({
      data: Array.from({ length: 65 }, (_, index) => ({
        groupId: group.id,
        kind: "link" as const,
        title: `Link ${String(index % 7)}`,
        url: "https://example.org",
        authorId: admin.id,
        publishedAt: new Date(),
        createdAt: new Date(Date.UTC(2026, 0, 1 + (index % 5))),
      })),
    });
    for (const sort of ["date", "name"] as const) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { items: { id: string }[]; nextCursor: string | null } = await as(admin.id).resource.list({ groupId: group.id, sort, cursor });
        seen.push(...page.items.map((item) => item.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toHaveLength(65);
      expect(new Set(seen).size).toBe(65);
    }
    await expect(as(admin.id).resource.list({ groupId: group.id, cursor: "nonsense" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("shows the library to members and admins only", async () => {
    const { group, member, guest, outsider } = await library();
    await expect(as(member.id).resource.list({ groupId: group.id })).resolves.toMatchObject({ items: [] });
    await expect(as(guest.id).resource.list({ groupId: group.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(as(outsider.id).resource.list({ groupId: group.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("versions, edits and deletion", () => {
  it("numbers new versions and keeps the earlier ones, with who and when", async () => {
    const { group, admin, member } = await library();
    const { id } = await addFile(admin.id, group.id);
    const second = await makeStoredFile(admin.id, { originalName: "minutes v2.pdf" });
    await expect(as(admin.id).resource.addVersion({ id, fileId: second.id, note: "Typos fixed" })).resolves.toEqual({ id, number: 2 });
    const theirs = await makeStoredFile(member.id);
    await expect(as(member.id).resource.addVersion({ id, fileId: theirs.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(as(admin.id).resource.addVersion({ id, fileId: theirs.id })).rejects.toMatchObject({ code: "NOT_FOUND" });

    const detail = await as(member.id).resource.byId({ id });
    expect(detail.versions.map((version) => [version.number, version.note, version.uploadedBy.id])).toEqual([
      [2, "Typos fixed", admin.id],
      [1, "", admin.id],
    ]);
    expect(detail.latestVersion?.file.name).toBe("minutes v2.pdf");
    expect(detail.versionCount).toBe(2);

    const link = await as(admin.id).resource.create({ groupId: group.id, kind: "link", title: "Site", url: "https://example.org" });
    await expect(as(admin.id).resource.addVersion({ id: link.id, fileId: second.id })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("edits title, description, tags, folder and meeting; only the author and admins may", async () => {
    const { group, admin, member } = await library({ membersCanAdd: true });
    const folder = await as(admin.id).folder.create({ groupId: group.id, name: "Papers" });
    const { id } = await addFile(member.id, group.id);
    await as(member.id).resource.update({ id, title: "Renamed", description: "Now described", tags: ["one"], folderId: folder.id });
    expect(await as(admin.id).resource.byId({ id })).toMatchObject({ title: "Renamed", description: "Now described", tags: ["one"], folder: { id: folder.id } });
    await as(admin.id).resource.update({ id, folderId: null, tags: [] });
    expect(await as(admin.id).resource.byId({ id })).toMatchObject({ folder: null, tags: [], title: "Renamed" });
    await as(admin.id).resource.publish({ id });
    const other = await makeUser();
    await addMember(group.id, other.id, "member");
    await expect(as(other.id).resource.update({ id, title: "Mine now" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(as(admin.id).resource.update({ id, url: "https://example.org" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("deletes a resource and its stored files, keeping a file something else still uses", async () => {
    const { group, admin, member } = await library();
    const upload = (name: string, bytes: Buffer) => storeUpload(getDb(), admin.id, { filename: name, stream: Readable.from([bytes]) });
    const first = await upload("only-here.pdf", Buffer.concat([PDF, Buffer.from("only here")]));
    const shared = await upload("shared.pdf", Buffer.concat([PDF, Buffer.from("shared")]));
    const { id } = await as(admin.id).resource.create({ groupId: group.id, kind: "file", title: "Doomed", fileId: first.id });
    await as(admin.id).resource.addVersion({ id, fileId: shared.id });
    await as(admin.id).resource.create({ groupId: group.id, kind: "file", title: "Keeps the shared file", fileId: shared.id });

    await expect(as(member.id).resource.delete({ id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await as(admin.id).resource.delete({ id });
    await expect(as(admin.id).resource.byId({ id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await getDb().storedFile.findUnique({ where: { id: first.id }, select: { id: true } })).toBeNull();
    expect(await getDb().storedFile.findUnique({ where: { id: shared.id }, select: { id: true } })).not.toBeNull();
    const hashOf = async (bytes: Buffer) => (await import("node:crypto")).createHash("sha256").update(bytes).digest("hex");
    const onDisk = async (bytes: Buffer) => {
      const hash = await hashOf(bytes);
      return existsSync(path.join(process.env.HEARTH_DATA_DIR!, "uploads", hash.slice(0, 2), hash));
    };
    expect(await onDisk(Buffer.concat([PDF, Buffer.from("only here")]))).toBe(false);
    expect(await onDisk(Buffer.concat([PDF, Buffer.from("shared")]))).toBe(true);
  });
});

describe("folders", () => {
  it("are managed by admins, named uniquely among siblings, and deleted only when empty", async () => {
    const { group, admin, member, guest, outsider } = await library();
    await expect(as(member.id).folder.create({ groupId: group.id, name: "Mine" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(as(guest.id).folder.list({ groupId: group.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(as(outsider.id).folder.list({ groupId: group.id })).rejects.toMatchObject({ code: "NOT_FOUND" });

    const minutes = await as(admin.id).folder.create({ groupId: group.id, name: "Minutes" });
    await expect(as(admin.id).folder.create({ groupId: group.id, name: "minutes" })).rejects.toMatchObject({ code: "CONFLICT" });
    const year = await as(admin.id).folder.create({ groupId: group.id, name: "2026", parentId: minutes.id });
    await as(admin.id).folder.rename({ id: year.id, name: "Year 2026" });
    await addFile(admin.id, group.id, { folderId: year.id });
    await addFile(admin.id, group.id, { folderId: year.id, draft: true });

    expect(await as(member.id).folder.list({ groupId: group.id })).toEqual([
      { id: minutes.id, name: "Minutes", parentId: null, resourceCount: 0 },
      { id: year.id, name: "Year 2026", parentId: minutes.id, resourceCount: 1 },
    ]);
    await expect(as(admin.id).folder.delete({ id: minutes.id })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "“Minutes” still holds 1 folder. Move or delete them first, then delete the folder.",
    });
    await expect(as(admin.id).folder.delete({ id: year.id })).rejects.toMatchObject({ message: expect.stringContaining("still holds 2 resources") });
    await expect(as(member.id).folder.delete({ id: year.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const empty = await as(admin.id).folder.create({ groupId: group.id, name: "Empty" });
    await expect(as(admin.id).folder.delete({ id: empty.id })).resolves.toEqual({ id: empty.id, parentId: null });
  });
});
