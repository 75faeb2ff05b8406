import { mkdtempSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { formatSignInBanner, prepareInstance } from "@/server/bootstrap/start-up";
import { resolveConfig } from "@/server/config";
import { createDb, type Db } from "@/server/db";
import { migrateDatabase } from "@/server/db/migrate";
import { verifyCredentials } from "@/server/users/service";

const opened: Db[] = [];

/** Start-up decisions depend on an empty database, so each case gets its own instance. */
async function freshInstance(env: Record<string, string> = {}) {
  const dataDir = mkdtempSync(path.join(tmpdir(), "hearth-start-"));
  const config = resolveConfig({ HEARTH_DATA_DIR: dataDir, ...env });
  await migrateDatabase(config.databaseUrl);
  const db = createDb(config.databaseUrl);
  opened.push(db);
  return { config, db };
}

afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.$disconnect()));
});

describe("prepareInstance", () => {
  it("seeds the demo steering group once, with working random passwords kept privately", async () => {
    const { config, db } = await freshInstance();
    const first = await prepareInstance(db, config);
    expect(first.seededDemo).toBe(true);
    expect(await db.group.findMany({ select: { name: true }, orderBy: { name: "asc" } })).toEqual([
      { name: "Compassionate Community Steering Group" },
      { name: "Vision Document Working Group" },
    ]);
    expect(await db.thread.count()).toBe(3);
    expect(await db.poll.count({ where: { closedAt: null } })).toBe(2); // the charter proposal and the vote on Amendment 1 to the vision
    expect(await db.ballot.count()).toBe(2);
    const guest = await db.user.findUniqueOrThrow({ where: { email: "sam.patel@example.org" }, select: { threadGuestOf: { select: { threadId: true } } } });
    expect(guest.threadGuestOf).toHaveLength(1);
    const staff = first.demoSignIns.find((person) => person.isAdmin)!;
    await expect(verifyCredentials(db, staff)).resolves.toMatchObject({ email: staff.email });
    expect(statSync(path.join(config.dataDir, "demo-sign-ins.json")).mode & 0o777).toBe(0o600);

    const second = await prepareInstance(db, config);
    expect(second.seededDemo).toBe(false);
    expect(second.demoSignIns).toEqual(first.demoSignIns);
    expect(await db.user.count()).toBe(first.demoSignIns.length);
    expect(formatSignInBanner("http://localhost:3000", second)).toContain(staff.password);
  });

  it("gives two installs different demo passwords", async () => {
    const one = await freshInstance();
    const two = await freshInstance();
    const [a, b] = [await prepareInstance(one.db, one.config), await prepareInstance(two.db, two.config)];
    expect(a.demoSignIns[0]!.password).not.toBe(b.demoSignIns[0]!.password);
  });

  it("leaves the database empty with HEARTH_DEMO=0, so the first visitor is asked to set up", async () => {
    const { config, db } = await freshInstance({ HEARTH_DEMO: "0" });
    const report = await prepareInstance(db, config);
    expect(report).toEqual({ createdAdmin: null, seededDemo: false, demoSignIns: [] });
    expect(await db.user.count()).toBe(0);
  });

  it("creates the headless administrator only when no user exists", async () => {
    const env = { HEARTH_DEMO: "0", HEARTH_ADMIN_EMAIL: "Staff@Example.org", HEARTH_ADMIN_PASSWORD: "headless password" };
    const { config, db } = await freshInstance(env);
    expect((await prepareInstance(db, config)).createdAdmin).toBe("staff@example.org");
    const admin = await db.user.findUniqueOrThrow({ where: { email: "staff@example.org" } });
    expect(admin.isAdmin).toBe(true);
    expect((await prepareInstance(db, config)).createdAdmin).toBeNull();
    expect(await db.user.count()).toBe(1);
  });
});
