import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { appRouter } from "@/server/api/root";

/** docs/api.md is the public contract: every procedure the app router serves must be in it. */
describe("docs/api.md", () => {
  it("lists every procedure", () => {
    const docs = readFileSync("docs/api.md", "utf8");
    const missing = Object.keys(appRouter._def.procedures).filter((name) => !docs.includes(`\`${name}\``));
    expect(missing).toEqual([]);
  });
});
