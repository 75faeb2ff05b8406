import { describe, expect, it } from "vitest";
import { getDb } from "@/server/db";

/** The organisations whose names start with `prefix`, by name: each test writes its own. */
const names = async (prefix: string) =>
  (await getDb().organisation.findMany({ where: { name: { startsWith: prefix } }, orderBy: { name: "asc" }, select: { name: true } })).map(({ name }) => name);

describe("queries outside a transaction", () => {
  it("are not undone when another request's transaction rolls back", async () => {
    const db = getDb();
    let written!: Promise<unknown>;
    await expect(
      db.$transaction(async (tx) => {
        await tx.organisation.create({ data: { name: "A Rolled back" } });
        // Prisma's queries start when awaited or then'd: this one starts now, like another request's.
        written = db.organisation.create({ data: { name: "A Age UK" } }).then((row) => row);
        // The other request's write gets its chance while this transaction is open.
        await new Promise((resolve) => setTimeout(resolve, 20));
        throw new Error("undo");
      }),
    ).rejects.toThrow("undo");
    await written;
    expect(await names("A ")).toEqual(["A Age UK"]);
  });

  it("never see what an open transaction wrote before it rolls back", async () => {
    const db = getDb();
    let seen!: Promise<string[]>;
    await expect(
      db.$transaction(async (tx) => {
        await tx.organisation.create({ data: { name: "B Rolled back" } });
        seen = names("B ");
        await new Promise((resolve) => setTimeout(resolve, 20));
        throw new Error("undo");
      }),
    ).rejects.toThrow("undo");
    expect(await seen).toEqual([]);
  });

  it("take turns with transactions that fail to commit, and with many at once", async () => {
    const db = getDb();
    const work = Array.from({ length: 10 }, (_, index) =>
      index % 2 === 0
        ? db.$transaction(async (tx) => {
            await tx.organisation.create({ data: { name: `C In ${index}` } });
            await new Promise((resolve) => setTimeout(resolve, 5));
            if (index % 4 === 0) throw new Error("undo");
          })
        : db.organisation.create({ data: { name: `C Out ${index}` } }),
    );
    const settled = await Promise.allSettled(work);
    expect(settled.filter(({ status }) => status === "rejected")).toHaveLength(3);
    expect(await names("C ")).toEqual(["C In 2", "C In 6", "C Out 1", "C Out 3", "C Out 5", "C Out 7", "C Out 9"]);
  });
});
