import { describe, expect, it } from "vitest";
import { getDb } from "@/server/db";
import { containsIgnoringCase } from "@/server/db/text-match";
import { makeOrganisation } from "@/server/test/factories";

// The same test runs on SQLite (npx vitest run) and PostgreSQL (npm run test:pg).
describe("containsIgnoringCase", () => {
  it("finds the characters as typed, in any case and any language, wildcards included", async () => {
    const tag = crypto.randomUUID().slice(0, 8);
    const school = await makeOrganisation({ name: `ÉCOLE Verte 100% ${tag}` });
    await makeOrganisation({ name: `Ecole 1000 ${tag}` });
    const found = async (text: string) =>
      (await getDb().organisation.findMany({ where: { AND: [{ name: { contains: tag } }, { name: containsIgnoringCase(text) }] }, select: { id: true } })).map(
        ({ id }) => id,
      );

    expect(await found("école verte")).toEqual([school.id]);
    expect(await found("100%")).toEqual([school.id]);
    // As a LIKE pattern "100_" would match "1000"; typed, it is the characters, which no name has.
    expect(await found("100_")).toEqual([]);
  });

  it("decides the database's kind once, not from the environment at each call", () => {
    const first = containsIgnoringCase("x");
    const url = process.env.DATABASE_URL;
    process.env.DATABASE_URL = url?.startsWith("file:") ? "postgresql://elsewhere/hearth" : "file:elsewhere.db";
    try {
      expect(containsIgnoringCase("x")).toEqual(first);
    } finally {
      process.env.DATABASE_URL = url;
    }
  });
});
