import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/server/db";
import { requireGroupExport } from "@/server/exports/access";
import { csvRecords, readZip } from "@/server/exports/test-zip";
import { writeGroupZip } from "@/server/exports/zip/write";
import { localDiskStorage } from "@/server/files/storage";
import { importHearth } from "@/server/imports/hearth/import";
import { exportToFile, freshDatabase } from "@/server/imports/hearth/test-support";
import { inOneWeek, pollGroup } from "@/server/test/poll-fixtures";

type Target = Awaited<ReturnType<typeof freshDatabase>>;

/** Imports a file into an empty instance and answers each poll's counting method by title. */
async function importInto(target: Target, filePath: string): Promise<Record<string, string>> {
  const importer = await target.db.user.create({ data: { name: "Importer", email: "importer@example.test", passwordHash: "x" }, select: { id: true } });
  const storage = localDiskStorage(path.join(target.dir, "uploads"));
  const report = await importHearth(target.db, { filePath, adminUserId: importer.id, dryRun: false, storage });
  expect(report.skipped).toEqual([]);
  const polls = await target.db.poll.findMany({ select: { title: true, countingMethod: true } });
  return Object.fromEntries(polls.map(({ title, countingMethod }) => [title, countingMethod]));
}

describe("a poll's counting method in exports", () => {
  let scene: Awaited<ReturnType<typeof pollGroup>>;
  let exportFile: string;
  const targets: Target[] = [];

  beforeAll(async () => {
    scene = await pollGroup();
    const base = { groupId: scene.group.id, kind: "ranked_choice" as const, options: ["A", "B", "C"], closingAt: inOneWeek() };
    await scene.as(scene.admin).poll.create({ ...base, title: "By runoff", countingMethod: "instant_runoff" });
    await scene.as(scene.admin).poll.create({ ...base, title: "By points", countingMethod: "borda" });
    await scene.as(scene.admin).poll.create({ ...base, title: "By default" });
    exportFile = await exportToFile(getDb(), scene.group.id);
  }, 60_000);

  afterAll(async () => {
    for (const target of targets) await target.db.$disconnect();
  });

  it("comes back unchanged when the Hearth export is imported into an empty instance", async () => {
    const target = await freshDatabase();
    targets.push(target);
    expect(await importInto(target, exportFile)).toEqual({ "By runoff": "instant_runoff", "By points": "borda", "By default": "schulze" });
  });

  it("is Schulze for polls in files written before polls had a counting method", async () => {
    const lines = readFileSync(exportFile, "utf8").trimEnd().split("\n").map((line) => JSON.parse(line) as { type?: string; data?: Record<string, unknown> });
    const older = lines.map((line) => {
      if (line.type !== "poll") return line;
      const { countingMethod: _dropped, ...data } = line.data!;
      return { ...line, data };
    });
    const olderFile = path.join(mkdtempSync(path.join(tmpdir(), "hearth-older-")), "group.json");
    writeFileSync(olderFile, older.map((line) => JSON.stringify(line)).join("\n") + "\n");
    expect(readFileSync(olderFile, "utf8")).not.toContain("countingMethod");
    const target = await freshDatabase();
    targets.push(target);
    expect(await importInto(target, olderFile)).toEqual({ "By runoff": "schulze", "By points": "schulze", "By default": "schulze" });
  });

  it("is a column of polls.csv in the ZIP download, blank for other kinds", async () => {
    await scene.as(scene.admin).poll.create({ groupId: scene.group.id, kind: "proposal", title: "A proposal", closingAt: inOneWeek() });
    const scope = await requireGroupExport(getDb(), scene.admin.id, scene.group.handle);
    const storage = localDiskStorage(mkdtempSync(path.join(tmpdir(), "hearth-zip-storage-")));
    const zip = await readZip(writeGroupZip(getDb(), scope, { storage }));
    const rows = Object.fromEntries(csvRecords(zip.text("polls.csv")).map((row) => [row.title, row.counting_method]));
    expect(rows).toEqual({ "By runoff": "instant_runoff", "By points": "borda", "By default": "schulze", "A proposal": "" });
  });
});
