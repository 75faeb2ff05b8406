import { describe, expect, it } from "vitest";
import { getDb } from "@/server/db";
import { callerFor, makeUser, TEST_PASSWORD } from "@/server/test/factories";
import { verifyCredentials } from "@/server/users/service";

describe("user.me", () => {
  it("returns the caller's own account without secrets", async () => {
    const user = await makeUser({ name: "Priya" });
    const me = await callerFor(user.id).caller.user.me();
    expect(me).toEqual({
      id: user.id,
      name: "Priya",
      email: user.email,
      isAdmin: false,
      bio: "",
      avatarUrl: null,
      organisation: null,
      canViewOrganisations: true,
    });
  });

  it("refuses a signed-out caller", async () => {
    await expect(callerFor(null).caller.user.me()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("refuses a session whose account was deleted", async () => {
    const user = await makeUser();
    await getDb().user.delete({ where: { id: user.id } });
    await expect(callerFor(user.id).caller.user.me()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});

describe("verifyCredentials", () => {
  it("accepts the right password and returns only the session identity", async () => {
    const user = await makeUser();
    await expect(verifyCredentials(getDb(), { email: user.email, password: TEST_PASSWORD })).resolves.toEqual({
      id: user.id,
      name: user.name,
      email: user.email,
      credentialVersion: 0,
    });
  });

  it("rejects a wrong password and an unknown email alike", async () => {
    const user = await makeUser();
    await expect(verifyCredentials(getDb(), { email: user.email, password: "wrong password" })).resolves.toBeNull();
    await expect(verifyCredentials(getDb(), { email: "nobody@example.test", password: TEST_PASSWORD })).resolves.toBeNull();
  });
});
