import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { getDb } from "@/server/db";
import { at, LoomioFixture } from "@/server/imports/loomio/test-fixture";
import { callerFor, makeUser } from "@/server/test/factories";

const directory = mkdtempSync(path.join(tmpdir(), "hearth-audit-cli-"));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

/** Runs `npm run import:loomio` as people do, against this test file's database. */
function importLoomio(...args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/import-loomio.ts", ...args], {
      cwd: path.resolve(import.meta.dirname, "../../.."),
      env: { ...process.env, HEARTH_DATA_DIR: "" },
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stderr }));
  });
}

describe("imports on the command line", () => {
  it("are in the audit log of each group they brought in, with what they created; a dry run is not", async () => {
    const importer = await makeUser({ name: "Ida Importer", isAdmin: true });
    const handle = `cli-audit-${crypto.randomUUID().slice(0, 8)}`;
    const fx = new LoomioFixture();
    fx.add("groups", { id: 1, name: "Seed library", handle, key: "auditKEY" });
    fx.add("groups", { id: 2, name: "Seed swaps", handle: `${handle}-swaps`, key: "auditSUB", parent_id: 1 });
    fx.add("users", { id: 3, name: "Una", email: `una-${handle}@loomio.example` });
    fx.add("memberships", { id: 4, group_id: 1, user_id: 3, accepted_at: at(0) });
    fx.add("discussions", { id: 5, group_id: 1, author_id: 3, title: "Hello", description: "Hi", description_format: "md", created_at: at(0) });
    const file = fx.write(path.join(directory, "export.json"));

    const dry = await importLoomio(file, "--admin", importer.email, "--dry-run", "--json");
    expect(dry).toMatchObject({ code: 0 });
    expect(await getDb().auditEntry.count({ where: { action: "group.imported" } })).toBe(0);

    const real = await importLoomio(file, "--admin", importer.email, "--json");
    expect(real.stderr).toBe("");
    expect(real.code).toBe(0);

    const groups = await getDb().group.findMany({ where: { handle: { in: [handle, `${handle}-swaps`] } }, select: { id: true, name: true } });
    expect(groups).toHaveLength(2);
    for (const group of groups) {
      const { items } = await callerFor(importer.id).caller.audit.list({ groupId: group.id });
      expect(items).toEqual([
        expect.objectContaining({
          action: "group.imported",
          actor: { id: importer.id, name: "Ida Importer" },
          sentence: "Ida Importer imported the group's data from a Loomio export on the command line",
          subject: expect.objectContaining({ type: "group", id: group.id, label: group.name }),
          after: { format: "loomio", via: "command line", created: expect.stringContaining("2 groups") },
        }),
      ]);
      expect(items[0]!.after.created).toContain("1 threads");
    }
  }, 120_000);
});
