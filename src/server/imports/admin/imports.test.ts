import { existsSync, mkdtempSync, statSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { getDb } from "@/server/db";
import { receiveFile } from "@/server/files/multipart";
import type { Importer } from "@/server/imports/admin/importers";
import { REPORT_LIST_LIMIT } from "@/server/imports/admin/runs";
import type { ImportRunDto } from "@/server/imports/admin/schemas";
import { confirmImport, discardImport, getImportRun, startImport } from "@/server/imports/admin/service";
import { emptyReport, type ImportReport } from "@/server/imports/report";
import { addMember, callerFor, makeGroup, makeUser } from "@/server/test/factories";

/**
 * The admin page's import runs, with stand-in engines (the real ones are tested beside their code):
 * each records how it was called and can be held open, to see a run while it is at work.
 */
const dir = mkdtempSync(path.join(tmpdir(), "hearth-imports-"));
const EXPORT = '{"table":"groups","record":{"id":1}}\n{"table":"comments","record":{"id":2}}\n';

function gate() {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

function reportOf(dryRun: boolean, linesRead: number, overrides: Partial<ImportReport> = {}): ImportReport {
  return {
    ...emptyReport("loomio", dryRun),
    linesRead,
    created: { users: 2, groups: 1, threads: 1, comments: 2 },
    matched: { users: 1 },
    skipped: Array.from({ length: 250 }, (_, index) => ({ table: "comments", id: String(index), line: index + 3, reason: "Its discussion is not in the file." })),
    ignored: { notifications: 3 },
    warnings: ["A poll type Hearth does not know was imported as a plain poll."],
    groups: [{ handle: "climate-action", name: "Climate Action" }],
    ...overrides,
  };
}

function standIn(options: { hold?: Promise<void>; fail?: Error; report?: (dryRun: boolean, lines: number) => ImportReport } = {}) {
  const calls: { dryRun: boolean; adminUserId: string; content: string }[] = [];
  const importer: Importer = async (_db, { filePath, adminUserId, dryRun, onProgress }) => {
    const content = await readFile(filePath, "utf8");
    calls.push({ dryRun, adminUserId, content });
    const lines = content.split("\n").filter(Boolean).length;
    onProgress?.({ phase: "reading", linesRead: lines });
    await options.hold;
    if (options.fail) throw options.fail;
    return (options.report ?? reportOf)(dryRun, lines);
  };
  return { deps: { importers: { loomio: importer, hearth: importer }, dir }, calls };
}

/** Sends the export as the page does, multipart through receiveFile, and starts its run. */
function upload(userId: string, deps: ReturnType<typeof standIn>["deps"] & { maxBytes?: number }, content = EXPORT, name = "loomio-export.json") {
  const form = new FormData();
  form.append("file", new Blob([content]), name);
  const request = new Request("http://localhost/api/imports?format=loomio", { method: "POST", body: form });
  return receiveFile(request, (file) => startImport(getDb(), userId, "loomio", file, deps));
}

async function until(userId: string, id: string, check: (run: ImportRunDto) => boolean): Promise<ImportRunDto> {
  return vi.waitFor(
    async () => {
      const run = await getImportRun(getDb(), userId, id);
      if (!check(run)) throw new Error(`run is ${run.status} (${run.linesRead} lines)`);
      return run;
    },
    { timeout: 10_000, interval: 20 },
  );
}

const storedPathOf = async (id: string) => (await getDb().importRun.findUniqueOrThrow({ where: { id }, select: { storedPath: true } })).storedPath;

describe("import runs", () => {
  it("checks an upload in the background, shows its progress and report, then imports it once confirmed", async () => {
    const admin = await makeUser({ isAdmin: true });
    const hold = gate();
    const { deps, calls } = standIn({ hold: hold.promise });

    const started = await upload(admin.id, deps);
    expect(started).toMatchObject({ format: "loomio", fileName: "loomio-export.json", fileSize: EXPORT.length, status: "checking", report: null });
    const checking = await until(admin.id, started.id, (run) => run.linesRead === 2);
    expect(checking).toMatchObject({ status: "checking", phase: "reading" });
    await vi.waitFor(async () =>
      expect(await getDb().importRun.findUniqueOrThrow({ where: { id: started.id }, select: { linesRead: true } })).toEqual({ linesRead: 2 }),
    );
    const file = (await storedPathOf(started.id))!;
    expect(path.dirname(file)).toBe(dir);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(calls).toEqual([{ dryRun: true, adminUserId: admin.id, content: EXPORT }]);

    hold.open();
    const checked = await until(admin.id, started.id, (run) => run.status === "checked");
    expect(checked.phase).toBeNull();
    expect(checked.report).toMatchObject({
      dryRun: true,
      created: { users: 2, groups: 1, threads: 1, comments: 2 },
      matched: { users: 1 },
      skippedTotal: 250,
      ignored: { notifications: 3 },
      warningsTotal: 1,
      groups: [{ handle: "climate-action", name: "Climate Action" }],
    });
    expect(checked.report!.skipped).toHaveLength(REPORT_LIST_LIMIT);
    expect(checked.report!.skipped[0]).toEqual({ table: "comments", id: "0", line: 3, reason: "Its discussion is not in the file." });
    expect(existsSync(file)).toBe(true);

    const confirmed = await confirmImport(getDb(), admin.id, started.id, deps.importers);
    expect(confirmed.status).toBe("importing");
    const imported = await until(admin.id, started.id, (run) => run.status === "imported");
    expect(imported.report).toMatchObject({ dryRun: false, created: { comments: 2 } });
    expect(imported.finishedAt).toBeInstanceOf(Date);
    expect(calls.map(({ dryRun }) => dryRun)).toEqual([true, false]);
    expect(existsSync(file)).toBe(false);
    expect(await storedPathOf(started.id)).toBeNull();
    expect((await callerFor(admin.id).caller.imports.list()).items[0]).toMatchObject({ id: started.id, status: "imported" });
  });

  it("starts one import for a double click or a replayed confirmation", async () => {
    const admin = await makeUser({ isAdmin: true });
    const { deps, calls } = standIn();
    const { id } = await upload(admin.id, deps);
    await until(admin.id, id, (run) => run.status === "checked");

    const answers = await Promise.allSettled([
      confirmImport(getDb(), admin.id, id, deps.importers),
      confirmImport(getDb(), admin.id, id, deps.importers),
    ]);
    expect(answers.filter(({ status }) => status === "fulfilled")).toHaveLength(1);
    expect(answers.find(({ status }) => status === "rejected")).toMatchObject({
      // The stand-in importer is quick: on a busy machine the first may have finished by then.
      reason: { code: "CONFLICT", message: expect.stringMatching(/^This (import has already started|file has already been imported)\.$/) },
    });
    await until(admin.id, id, (run) => run.status === "imported");
    await expect(confirmImport(getDb(), admin.id, id, deps.importers)).rejects.toMatchObject({
      code: "CONFLICT",
      message: "This file has already been imported.",
    });
    expect(calls.filter(({ dryRun }) => !dryRun)).toHaveLength(1);
  });

  it("takes one upload at a time, and leaves nothing behind for the one refused", async () => {
    const admin = await makeUser({ isAdmin: true });
    const hold = gate();
    const first = standIn({ hold: hold.promise });
    const { id } = await upload(admin.id, first.deps);

    const second = standIn();
    await expect(upload(admin.id, second.deps)).rejects.toMatchObject({
      code: "CONFLICT",
      message: "Another import is being uploaded, checked or run. Wait for it to finish, then try again.",
    });
    expect(second.calls).toEqual([]);
    expect((await callerFor(admin.id).caller.imports.list()).items.filter(({ status }) => status !== "imported")).toEqual([
      expect.objectContaining({ id, status: "checking" }),
    ]);
    hold.open();
    await until(admin.id, id, (run) => run.status === "checked");
    await discardImport(getDb(), admin.id, id);
  });

  it("refuses an export over the limit while it arrives, keeping no run and no file", async () => {
    const admin = await makeUser({ isAdmin: true });
    const { deps, calls } = standIn();
    const before = await getDb().importRun.count();
    await expect(upload(admin.id, { ...deps, maxBytes: 10 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("That file is larger than 10 bytes, the most the import page takes."),
    });
    await expect(upload(admin.id, deps, "")).rejects.toMatchObject({ code: "BAD_REQUEST", message: "That file is empty. Choose the export file itself." });
    expect(await getDb().importRun.count()).toBe(before);
    expect(calls).toEqual([]);
  });

  it("records a failed check in words, removes the file, and will not import it", async () => {
    const admin = await makeUser({ isAdmin: true });
    const { deps } = standIn({ fail: new Error("Line 7 is not JSON") });
    const { id } = await upload(admin.id, deps);
    const failed = await until(admin.id, id, (run) => run.status === "failed");
    expect(failed.error).toBe("Checking the file stopped on an unexpected error (Line 7 is not JSON). Nothing was imported.");
    expect(failed.finishedAt).toBeInstanceOf(Date);
    expect(await storedPathOf(id)).toBeNull();
    await expect(confirmImport(getDb(), admin.id, id, deps.importers)).rejects.toMatchObject({
      code: "CONFLICT",
      message: "This import failed, so it cannot be run. Upload the file again.",
    });
  });

  it("fails a check that found nothing to import, keeping its report to say why", async () => {
    const admin = await makeUser({ isAdmin: true });
    const { deps } = standIn({
      report: (dryRun, lines) => ({ ...emptyReport("loomio", dryRun), linesRead: lines, skipped: [{ table: "wat", id: "1", line: 1, reason: "Unknown table." }] }),
    });
    const { id } = await upload(admin.id, deps);
    const failed = await until(admin.id, id, (run) => run.status === "failed");
    expect(failed.error).toContain("Hearth found nothing it could import in this file.");
    expect(failed.report?.skipped).toEqual([{ table: "wat", id: "1", line: 1, reason: "Unknown table." }]);
  });

  it("marks a run the server stopped in the middle of as failed when next read, and removes its file", async () => {
    const admin = await makeUser({ isAdmin: true });
    const file = path.join(dir, "left-behind.upload");
    writeFileSync(file, EXPORT);
    const { id } = await getDb().importRun.create({
      data: { format: "loomio", startedById: admin.id, fileName: "old.json", fileSize: EXPORT.length, status: "importing", storedPath: file },
      select: { id: true },
    });
    const run = await getImportRun(getDb(), admin.id, id);
    expect(run).toMatchObject({ status: "failed", error: expect.stringContaining("Hearth restarted while importing this file.") });
    expect(existsSync(file)).toBe(false);

    const { deps } = standIn();
    const next = await upload(admin.id, deps);
    await until(admin.id, next.id, (later) => later.status === "checked");
    await discardImport(getDb(), admin.id, next.id);
  });

  it("discards a checked upload and its file, but not a run at work", async () => {
    const admin = await makeUser({ isAdmin: true });
    const hold = gate();
    const { deps } = standIn({ hold: hold.promise });
    const { id } = await upload(admin.id, deps);
    await expect(discardImport(getDb(), admin.id, id)).rejects.toMatchObject({ code: "CONFLICT" });
    hold.open();
    await until(admin.id, id, (run) => run.status === "checked");
    const file = (await storedPathOf(id))!;

    expect(await callerFor(admin.id).caller.imports.discard({ id })).toEqual({ id });
    expect(existsSync(file)).toBe(false);
    await expect(getImportRun(getDb(), admin.id, id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("is for the instance administrator alone, each with their own runs", async () => {
    const [admin, otherAdmin, groupAdmin] = [await makeUser({ isAdmin: true }), await makeUser({ isAdmin: true }), await makeUser()];
    await addMember((await makeGroup()).id, groupAdmin.id, "admin");
    const { deps, calls } = standIn();
    await expect(upload(groupAdmin.id, deps)).rejects.toMatchObject({ code: "FORBIDDEN", message: "Only the instance administrator can import data." });
    expect(calls).toEqual([]);

    const { id } = await upload(admin.id, deps);
    await until(admin.id, id, (run) => run.status === "checked");
    const { caller } = callerFor(groupAdmin.id);
    await expect(caller.imports.list()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(caller.imports.get({ id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(caller.imports.confirm({ id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(caller.imports.discard({ id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(confirmImport(getDb(), otherAdmin.id, id, deps.importers)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(callerFor(otherAdmin.id).caller.imports.discard({ id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await getImportRun(getDb(), admin.id, id)).status).toBe("checked");
    expect(calls.filter(({ dryRun }) => !dryRun)).toEqual([]);
    await discardImport(getDb(), admin.id, id);
  });
});

describe("import runs with the Loomio engine", () => {
  it("check, then import, a small export: the page's report counts what arrives", async () => {
    const admin = await makeUser({ isAdmin: true });
    const suffix = Math.random().toString(36).slice(2, 8);
    const at = "2025-03-02T10:00:00.000Z";
    const line = (table: string, record: Record<string, unknown>) => JSON.stringify({ table, record });
    const content = [
      line("comments", { id: 11, discussion_id: 3, user_id: 1, parent_type: "Comment", parent_id: 10, body: "<p>Agreed</p>", body_format: "html", edited_at: null, discarded_at: null, created_at: at }),
      line("users", { id: 1, email: `ada-${suffix}@example.test`, name: "Ada", deactivated_at: null, created_at: at, api_key: "secret-key" }),
      line("users", { id: 2, email: `grace-${suffix}@example.test`, name: "Grace", deactivated_at: null, created_at: at }),
      line("groups", { id: 7, name: `Circle ${suffix}`, handle: `circle-${suffix}`, parent_id: null, description: "", description_format: "md", created_at: at }),
      line("memberships", { id: 20, group_id: 7, user_id: 1, admin: true, accepted_at: at, revoked_at: null, created_at: at }),
      line("memberships", { id: 21, group_id: 7, user_id: 2, admin: false, accepted_at: at, revoked_at: null, created_at: at }),
      line("discussions", { id: 3, group_id: 7, author_id: 1, title: "Moving", description: "Shall we?", description_format: "md", closed_at: null, pinned_at: null, discarded_at: null, tags: [], created_at: at }),
      line("comments", { id: 10, discussion_id: 3, user_id: 2, parent_type: "Discussion", parent_id: 3, body: "Yes", body_format: "md", edited_at: null, discarded_at: null, created_at: at }),
      line("attachments", { id: 30, record_type: "Discussion", record_id: 3, filename: "minutes.pdf", content_type: "application/pdf", url: "https://loomio.example/minutes.pdf" }),
    ].join("\n");
    const form = new FormData();
    form.append("file", new Blob([content + "\n"]), "export.json");
    const request = new Request("http://localhost/api/imports?format=loomio", { method: "POST", body: form });
    const { id } = await receiveFile(request, (file) => startImport(getDb(), admin.id, "loomio", file, { dir }));

    const checked = await until(admin.id, id, (run) => !["uploaded", "checking"].includes(run.status));
    expect(checked).toMatchObject({ status: "checked", error: null });
    expect(checked.report).toMatchObject({ created: { users: 2, groups: 1, threads: 1, comments: 2, attachments: 1 }, skippedTotal: 0 });
    expect(await getDb().comment.count({ where: { body: "Yes" , thread: { title: "Moving", group: { handle: `circle-${suffix}` } } } })).toBe(0);

    await confirmImport(getDb(), admin.id, id);
    const imported = await until(admin.id, id, (run) => run.status !== "importing");
    expect(imported).toMatchObject({ status: "imported", report: { dryRun: false, groups: [{ handle: `circle-${suffix}` }] } });
    const thread = await getDb().thread.findFirstOrThrow({ where: { group: { handle: `circle-${suffix}` } }, select: { commentCount: true, missingAttachments: { select: { filename: true } } } });
    expect(thread).toEqual({ commentCount: 2, missingAttachments: [{ filename: "minutes.pdf" }] });
  });
});
