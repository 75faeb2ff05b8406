import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "@/server/imports/hearth/test-support";
import { addMember, callerFor, makeGroup, makeUser } from "@/server/test/factories";

const TSX = path.resolve("node_modules/.bin/tsx");

type Run = { code: number; stdout: string; stderr: string };

/** Runs one of the CLIs as `npm run` would, against the given database and a data directory of its own. */
function cli(script: "export" | "import-hearth", args: string[], databaseUrl: string, dataDir: string): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      TSX,
      [`scripts/${script}.ts`, ...args],
      { env: { ...process.env, DATABASE_URL: databaseUrl, HEARTH_DATA_DIR: dataDir, LOG_LEVEL: "silent" }, timeout: 60_000 },
      (error, stdout, stderr) => resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe("npm run export and npm run import:hearth", () => {
  const folder = mkdtempSync(path.join(tmpdir(), "hearth-cli-"));
  const exportFile = path.join(folder, "steering.json");
  const sourceUrl = process.env.DATABASE_URL!;
  let target: Awaited<ReturnType<typeof freshDatabase>>;
  let group: { id: string; handle: string };
  const exporting = (...args: string[]) => cli("export", args, sourceUrl, path.join(folder, "source-data"));
  const importing = (...args: string[]) => cli("import-hearth", args, target.url, path.join(folder, "target-data"));

  beforeAll(async () => {
    const admin = await makeUser();
    group = await makeGroup({ name: "Steering" });
    await addMember(group.id, admin.id, "admin");
    await callerFor(admin.id).caller.thread.create({ groupId: group.id, title: "Hello", body: "First thread" });
    target = await freshDatabase();
    await target.db.user.create({ data: { name: "Importer", email: "importer@example.test", passwordHash: "x" } });
  });

  afterAll(async () => {
    await target.db.$disconnect();
  });

  it("exports a group to a file, and says what is wrong with the command otherwise", async () => {
    const usage = await exporting("--out", exportFile);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("Give --group <handle>");
    expect(usage.stderr).toContain("Usage: npm run export");

    const unknown = await exporting("--group", "no-such-group", "--out", exportFile);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("No group has the handle “no-such-group”");
    expect(existsSync(exportFile)).toBe(false);

    const done = await exporting("--group", group.handle.toUpperCase(), "--out", exportFile);
    expect(done.stderr).toBe("");
    expect(done.code).toBe(0);
    expect(done.stdout).toContain("Exported “Steering”");
    const [header] = readFileSync(exportFile, "utf8").split("\n");
    expect(JSON.parse(header!)).toMatchObject({ format: "hearth-export", version: 1, group: { handle: group.handle } });
  }, 120_000);

  it("imports with --json printing only the report, exits 0 when something came in and 1 when nothing could", async () => {
    expect((await importing(exportFile)).code).toBe(2);
    const stranger = await importing(exportFile, "--admin", "nobody@example.test");
    expect(stranger.code).toBe(1);
    expect(stranger.stderr).toContain("No Hearth account has the email nobody@example.test");

    const dry = await importing(exportFile, "--admin", "Importer@example.test", "--dry-run", "--json");
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.stdout)).toMatchObject({ format: "hearth", dryRun: true, created: { groups: 1, threads: 1 } });
    expect(await target.db.group.count()).toBe(0);

    const real = await importing(exportFile, "--admin", "importer@example.test", "--json");
    expect(real.code).toBe(0);
    expect(JSON.parse(real.stdout)).toMatchObject({ dryRun: false, created: { groups: 1, threads: 1 }, groups: [{ handle: group.handle, name: "Steering" }] });

    const again = await importing(exportFile, "--admin", "importer@example.test");
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("Already in Hearth");
    expect(await target.db.thread.count()).toBe(1);

    const hopeless = path.join(folder, "hopeless.json");
    writeFileSync(hopeless, `${readFileSync(exportFile, "utf8").split("\n")[0]}\nnot json at all\n`);
    const nothing = await importing(hopeless, "--admin", "importer@example.test", "--json");
    expect(nothing.code).toBe(1);
    expect(JSON.parse(nothing.stdout)).toMatchObject({ created: {}, skipped: [{ line: 2 }] });
    expect(nothing.stderr).toContain("Nothing was imported");

    const loomio = path.join(folder, "loomio.json");
    writeFileSync(loomio, '{"table": "groups", "record": {"id": 1}}\n');
    const wrong = await importing(loomio, "--admin", "importer@example.test");
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain("This is not a Hearth export");
  }, 180_000);
});
