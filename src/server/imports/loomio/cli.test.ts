import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loomioLine } from "@/server/imports/loomio/loomio-format";
import { at, LoomioFixture } from "@/server/imports/loomio/test-fixture";
import type { ImportReport } from "@/server/imports/report";
import { makeUser } from "@/server/test/factories";

const directory = mkdtempSync(path.join(tmpdir(), "hearth-loomio-cli-"));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

/** Runs `npm run import:loomio` as people do, against this test file's database. */
function importLoomio(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/import-loomio.ts", ...args], {
      cwd: path.resolve(import.meta.dirname, "../../../.."),
      env: { ...process.env, HEARTH_DATA_DIR: "" },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

let adminEmail: string;
let exportFile: string;

beforeAll(async () => {
  adminEmail = (await makeUser({ isAdmin: true })).email;
  const fx = new LoomioFixture();
  fx.add("groups", { id: 1, name: "Command line group", handle: "command-line-group", key: "cliKEY" });
  fx.add("users", { id: 2, name: "Una", email: "una-cli@loomio.example", api_key: "SECRET" });
  fx.add("memberships", { id: 3, group_id: 1, user_id: 2, accepted_at: at(0) });
  fx.add("discussions", { id: 4, group_id: 1, author_id: 2, title: "Hello", description: "Hi", description_format: "md", created_at: at(0) });
  exportFile = fx.write(path.join(directory, "export.json"), ["not json"]);
});

describe("npm run import:loomio", () => {
  it("explains how to use it when a flag is unknown or the file is missing (exit 2)", async () => {
    const unknown = await importLoomio(exportFile, "--admin", adminEmail, "--force");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("--force");
    expect(unknown.stderr).toContain("Usage: npm run import:loomio -- <export.json> --admin <email>");
    expect((await importLoomio("--admin", adminEmail)).code).toBe(2);
  });

  it("refuses an --admin that names no account (exit 1)", async () => {
    const result = await importLoomio(exportFile, "--admin", "nobody@example.test");
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("No Hearth account has the email nobody@example.test");
  });

  it("prints only the report as one JSON object with --json", async () => {
    const dry = await importLoomio(exportFile, "--admin", adminEmail, "--json", "--dry-run");
    expect(dry.code).toBe(0);
    expect((JSON.parse(dry.stdout) as ImportReport).dryRun).toBe(true);

    const result = await importLoomio(exportFile, "--admin", adminEmail.toUpperCase(), "--json");
    expect(result.code).toBe(0);
    expect(result.stdout.trim().split("\n")).toHaveLength(1);
    const report = JSON.parse(result.stdout) as ImportReport;
    expect(report).toMatchObject({ dryRun: false, created: { users: 1, groups: 1, memberships: 2, threads: 1 } });
    expect(report.skipped).toEqual([{ table: "", id: "", line: 5, reason: "this line is not valid JSON" }]);
  });

  it("says what was already imported on a second run, with the skipped lines", async () => {
    const result = await importLoomio(exportFile, "--admin", adminEmail);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Created: nothing");
    expect(result.stdout).toContain("already imported");
    expect(result.stdout).toMatch(/Already in Hearth.*1 users, 1 groups, 1 memberships, 1 threads/);
    expect(result.stdout).toContain("line 5, this line is not valid JSON");
  });

  it("fails with a clear message when nothing can be imported (exit 1)", async () => {
    const nothing = path.join(directory, "nothing.json");
    writeFileSync(nothing, `${loomioLine("events", { id: 1, kind: "new_comment" })}\n${loomioLine("comments", { id: 2, discussion_id: 3 })}\n`);
    const result = await importLoomio(nothing, "--admin", adminEmail);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("its discussion (id 3) is not in the file");
    expect(result.stderr).toContain("Nothing was imported");

    const empty = path.join(directory, "empty.json");
    writeFileSync(empty, "");
    const refused = await importLoomio(empty, "--admin", adminEmail, "--json");
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe("");
    expect(refused.stderr).toContain("The file is empty");
  });
});
