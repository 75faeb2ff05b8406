import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb, type Db } from "@/server/db";
import { localDiskStorage } from "@/server/files/storage";
import { importHearth } from "@/server/imports/hearth/import";
import { exportToFile, freshDatabase } from "@/server/imports/hearth/test-support";
import { importedNothing } from "@/server/imports/report";
import { addMember, makeGroup, makeUser } from "@/server/test/factories";

const at = "2026-01-01T10:00:00.000Z";
const header = { format: "hearth-export", version: 1, exportedAt: at, group: { id: "g1", handle: "steering", name: "Steering" } };
const group = (id: string, handle: string, parentId: string | null = null) => ({
  type: "group",
  data: { id, parentId, name: `Group ${handle}`, handle, description: "", membersCanInvite: false, membersCanPropose: true, membersCanAddResources: false, createdAt: at, updatedAt: at },
});
const user = (id: string, email: string) => ({ type: "user", data: { id, name: `Person ${id}`, email, bio: "", createdAt: at } });
const thread = (id: string, authorId: string) => ({
  type: "thread",
  data: { id, groupId: "g1", authorId, title: `Thread ${id}`, body: "", pinnedAt: null, closedAt: null, editedAt: null, lastActivityAt: at, meetingId: null, tags: [], createdAt: at },
});
const comment = (id: string, threadId: string, authorId: string) => ({
  type: "comment",
  data: { id, threadId, parentId: null, authorId, seq: 1, body: `Comment ${id}`, editedAt: null, deletedAt: null, deletedById: null, createdAt: at },
});

describe("importHearth with bad input", () => {
  let target: Awaited<ReturnType<typeof freshDatabase>>;
  let adminUserId: string;
  const folder = mkdtempSync(path.join(tmpdir(), "hearth-bad-input-"));
  const fileOf = (name: string, text: string) => {
    const file = path.join(folder, name);
    writeFileSync(file, text);
    return file;
  };
  const jsonl = (...values: unknown[]) => values.map((value) => (typeof value === "string" ? value : JSON.stringify(value))).join("\n");
  const run = (filePath: string, dryRun = false) =>
    importHearth(target.db, { filePath, adminUserId, dryRun, storage: localDiskStorage(path.join(target.dir, "uploads")) });

  beforeAll(async () => {
    target = await freshDatabase();
    ({ id: adminUserId } = await target.db.user.create({ data: { name: "Admin", email: "admin@example.test", passwordHash: "x" }, select: { id: true } }));
    // Someone already here under a handle the file also uses, and an account the file's person matches.
    await target.db.group.create({ data: { name: "Another group", handle: "steering" } });
    await target.db.user.create({ data: { name: "Already here", email: "alice@example.test", passwordHash: "x" } });
  });

  afterAll(async () => {
    await target.db.$disconnect();
  });

  it("refuses a file that is not a Hearth export, or from a newer version, saying why", async () => {
    await expect(run(fileOf("empty.json", ""))).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("empty") });
    await expect(run(fileOf("loomio.json", jsonl({ table: "groups", record: { id: 1 } })))).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("not a Hearth export"),
    });
    await expect(run(fileOf("future.json", jsonl({ ...header, version: 2 })))).rejects.toMatchObject({ message: expect.stringContaining("version 2") });
    await expect(run(path.join(folder, "nowhere.json"))).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      importHearth(target.db, { filePath: fileOf("ok.json", jsonl(header)), adminUserId: "nobody", dryRun: true }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("imports what it can and reports every other line with its number and reason", async () => {
    const file = fileOf(
      "damaged.json",
      jsonl(
        header,
        group("g1", "steering"),
        user("u1", "Alice@Example.test"),
        "this is not json",
        { type: "notification", data: { id: "n1" } },
        { ...user("u2", "bob@example.test"), data: { ...user("u2", "bob@example.test").data, shoeSize: 44 } },
        comment("c0", "t-missing", "u1"),
        thread("t1", "u-missing"),
        comment("c1", "t1", "u1"),
        comment("c2", "t1", "u1"),
        { type: "thread", data: { id: "t2", groupId: "g1" } },
        thread("t3", "u1"),
        comment("c3", "t3", "u2"),
        '{"type": "comment", "data": {"id": "c4", "threadId": "t3", "auth',
      ),
    );
    const dry = await run(file, true);
    const report = await run(file);
    expect(dry.created).toEqual(report.created);
    expect(report.created).toEqual({ groups: 1, users: 1, threads: 1, comments: 1 });
    expect(report.matched).toEqual({ users: 1 });
    expect(report.linesRead).toBe(14);
    expect(report.skipped.map(({ line, table, id }) => [line, table, id])).toEqual([
      [4, "?", ""],
      [5, "notification", "n1"],
      [7, "comment", "c0"],
      [8, "thread", "t1"],
      [11, "thread", "t2"],
      [14, "?", ""],
    ]);
    const reasons = report.skipped.map(({ reason }) => reason);
    expect(reasons[0]).toMatch(/not valid JSON/);
    expect(reasons[1]).toMatch(/does not know records of type “notification”/);
    expect(reasons[2]).toBe("Its thread (t-missing) is not in the file, or was not imported.");
    expect(reasons[3]).toBe("Its author (u-missing) is not in the file, or was not imported. The 2 records under it were not imported either.");
    expect(reasons[4]).toBe("The record is not valid: authorId is missing.");
    expect(report.warnings).toEqual(
      expect.arrayContaining([
        "The handle “steering” was taken, so the group “Group steering” has the handle “steering-2”.",
        "The file's user records have a field “shoeSize” this version of Hearth does not know; it was ignored.",
      ]),
    );
    expect(report.groups).toEqual([{ handle: "steering-2", name: "Group steering" }]);
    const bob = await target.db.user.findUniqueOrThrow({ where: { email: "bob@example.test" }, select: { passwordHash: true } });
    expect(bob.passwordHash).toBe("");
  });

  it("reports a file with nothing it can import as such", async () => {
    const report = await run(fileOf("nothing.json", jsonl({ ...header, group: { ...header.group, id: "other" } }, thread("t9", "u-missing"))));
    expect(report.created).toEqual({});
    expect(importedNothing(report)).toBe(true);
  });

  it("writes a thread longer than one transaction in several, keeping order and replies across them", async () => {
    const author = await makeUser();
    const group = await makeGroup();
    await addMember(group.id, author.id, "admin");
    const total = 4_500;
    const { id: threadId } = await getDb().thread.create({
      data: { groupId: group.id, authorId: author.id, title: "A long thread", body: "", lastCommentSeq: total, commentCount: total },
      select: { id: true },
    });
    await getDb().comment.createMany({
      data: Array.from({ length: total }, (_, index) => ({ id: `long-${String(index + 1).padStart(5, "0")}`, threadId, authorId: author.id, seq: index + 1, body: `Comment ${index + 1}` })),
    });
    // A reply written much later hangs from the first comment, two transactions away.
    await getDb().comment.update({ where: { id: "long-04400" }, data: { parentId: "long-00001" } });

    const report = await run(await exportToFile(getDb(), group.id));
    expect(report.skipped).toEqual([]);
    expect(report.created).toMatchObject({ threads: 1, comments: total });
    const imported = await target.db.thread.findFirstOrThrow({ where: { title: "A long thread" }, select: { id: true, commentCount: true, lastCommentSeq: true } });
    expect(imported).toMatchObject({ commentCount: total, lastCommentSeq: total });
    const reply = await target.db.comment.findFirstOrThrow({ where: { threadId: imported.id, body: "Comment 4400" }, select: { seq: true, parent: { select: { body: true } } } });
    expect(reply).toEqual({ seq: 4400, parent: { body: "Comment 1" } });
  }, 120_000);

  it("writes a thread with its comments in one transaction: when one fails, none of it stays, and a second run brings it in", async () => {
    const failing = target.db.$extends({
      query: {
        comment: {
          create({ args, query }) {
            if (args.data.body === "Comment boom") throw new Error("disk full");
            return query(args);
          },
        },
      },
    }) as unknown as Db;
    const file = fileOf(
      "atomic.json",
      jsonl({ ...header, group: { ...header.group, id: "atomic" } }, group("g1", "atomic"), user("u1", "carol@example.test"), thread("t1", "u1"), comment("c1", "t1", "u1"), comment("boom", "t1", "u1"), thread("t2", "u1")),
    );
    const storage = localDiskStorage(path.join(target.dir, "uploads"));
    const first = await importHearth(failing, { filePath: file, adminUserId, dryRun: false, storage });
    expect(first.created).toEqual({ groups: 1, users: 1, threads: 1 });
    expect(first.skipped).toEqual([
      { table: "thread", id: "t1", line: 4, reason: "Could not be written (disk full); nothing of it was kept. Importing again retries it. The 2 records under it were not imported either." },
    ]);
    expect(await target.db.thread.findFirst({ where: { title: "Thread t1" } })).toBeNull();
    expect(await target.db.comment.count({ where: { body: "Comment c1" } })).toBe(0);

    const second = await importHearth(target.db, { filePath: file, adminUserId, dryRun: false, storage });
    expect(second.created).toEqual({ threads: 1, comments: 2 });
    expect(second.matched).toMatchObject({ groups: 1, users: 1, threads: 1 });
  });
});
