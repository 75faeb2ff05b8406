import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { databaseProvider, getDb } from "@/server/db";
import { keepStatementsPrepared } from "@/server/db/statement-cache";

describe("statements kept prepared", () => {
  it("answers each query with its own parameters when the same SQL runs again", () => {
    const database = new Database(":memory:");
    keepStatementsPrepared(database);
    database.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)");
    const insert = "INSERT INTO t (name) VALUES (?)";
    for (const name of ["Ada", "Ben", "Chidi"]) database.prepare(insert).bind([name]).run();
    const select = "SELECT name FROM t WHERE id >= ? ORDER BY id";
    expect(database.prepare(select).bind([2]).raw().all()).toEqual([["Ben"], ["Chidi"]]);
    expect(database.prepare(select).bind([1]).raw().all()).toEqual([["Ada"], ["Ben"], ["Chidi"]]);
    expect(database.prepare(select).reader).toBe(true);
    expect(database.prepare(insert).reader).toBe(false);
  });

  it("prepares each SQL text once, and drops the least recently used beyond the limit", () => {
    const database = new Database(":memory:");
    let prepared = 0;
    const prepare = database.prepare.bind(database);
    Object.defineProperty(database, "prepare", { value: (sql: string) => ((prepared += 1), prepare(sql)), configurable: true });
    keepStatementsPrepared(database, 2);
    const run = (sql: string) => database.prepare(sql).bind([]).raw().all();
    run("SELECT 1");
    run("SELECT 2");
    run("SELECT 1");
    expect(prepared).toBe(2);
    run("SELECT 3"); // drops SELECT 2, used least recently
    run("SELECT 1");
    expect(prepared).toBe(3);
    run("SELECT 2");
    expect(prepared).toBe(4);
  });

  it.skipIf(databaseProvider() === "postgresql")("keeps Prisma's queries right through schema changes and transactions", async () => {
    const db = getDb();
    const first = await db.organisation.create({ data: { name: "Bath Mind" } });
    await db.$transaction([db.organisation.create({ data: { name: "Age UK" } }), db.organisation.update({ where: { id: first.id }, data: { name: "Bath Mind (BANES)" } })]);
    await expect(db.$transaction(async (tx) => {
      await tx.organisation.create({ data: { name: "Rolled back" } });
      throw new Error("undo");
    })).rejects.toThrow("undo");
    await db.$executeRawUnsafe(`ALTER TABLE "Organisation" ADD COLUMN "extra" TEXT`);
    const names = (await db.organisation.findMany({ orderBy: { name: "asc" } })).map((organisation) => organisation.name);
    expect(names).toEqual(["Age UK", "Bath Mind (BANES)"]);
  });
});
