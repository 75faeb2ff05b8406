import { describe, expect, it } from "vitest";
import { getDb } from "@/server/db";
import { callerFor } from "@/server/test/factories";

// One database per test file: these run in order, from a fresh instance with no users.
describe("first-run set-up", () => {
  it("reports that an administrator is needed on a fresh instance", async () => {
    await expect(callerFor(null).caller.setup.status()).resolves.toEqual({ needsAdmin: true });
  });

  it("refuses bad input with field messages and writes nothing", async () => {
    const attempt = callerFor(null).caller.setup.createAdmin({ name: " ", email: "not-an-email", password: "short" });
    await expect(attempt).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await getDb().user.count()).toBe(0);
  });

  it("creates the administrator once, with a normalised email and a hashed password", async () => {
    const { caller } = callerFor(null);
    const { id } = await caller.setup.createAdmin({ name: "Staff Lead", email: " Lead@Example.ORG ", password: "a good long password" });
    const user = await getDb().user.findUniqueOrThrow({ where: { id } });
    expect(user).toMatchObject({ email: "lead@example.org", isAdmin: true });
    expect(user.passwordHash).not.toContain("a good long password");
    await expect(caller.setup.status()).resolves.toEqual({ needsAdmin: false });
  });

  it("is gone once someone has an account", async () => {
    const attempt = callerFor(null).caller.setup.createAdmin({ name: "Intruder", email: "x@example.org", password: "another long password" });
    await expect(attempt).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("already set up") });
    expect(await getDb().user.count()).toBe(1);
  });
});
