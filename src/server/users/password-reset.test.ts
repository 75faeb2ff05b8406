import { describe, expect, it } from "vitest";
import { hashToken } from "@/server/auth/tokens";
import { getDb } from "@/server/db";
import { callerFor, makeUser, TEST_PASSWORD } from "@/server/test/factories";
import { MAX_OPEN_RESETS, PASSWORD_RESET_LIFETIME_MS } from "@/server/users/password-reset";
import { verifyCredentials } from "@/server/users/service";

const db = () => getDb();
const { caller: anyone } = callerFor(null);

/** The token from the newest reset email to the address: what the person would click. */
async function tokenFromEmail(email: string): Promise<string> {
  const mail = await db().outboxMessage.findFirstOrThrow({ where: { to: email }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
  const match = /\/reset-password\/([A-Za-z0-9_-]+)/.exec(mail.text);
  return match![1]!;
}

describe("passwordReset.request", () => {
  it("answers the same whether or not the account exists, emailing only a real account", async () => {
    const user = await makeUser();
    const outboxBefore = await db().outboxMessage.count();

    await expect(anyone.passwordReset.request({ email: "nobody-here@example.test" })).resolves.toEqual({ ok: true });
    expect(await db().outboxMessage.count()).toBe(outboxBefore);
    expect(await db().passwordReset.count()).toBe(0);

    await expect(anyone.passwordReset.request({ email: ` ${user.email.toUpperCase()} ` })).resolves.toEqual({ ok: true });
    const mail = await db().outboxMessage.findFirstOrThrow({ where: { to: user.email } });
    expect(mail.subject).toBe("Reset your Hearth password");
    const token = await tokenFromEmail(user.email);
    const reset = await db().passwordReset.findFirstOrThrow({ where: { userId: user.id } });
    expect(reset.tokenHash).toBe(hashToken(token));
    expect(reset.expiresAt.getTime() - reset.createdAt.getTime()).toBeCloseTo(PASSWORD_RESET_LIFETIME_MS, -3);
  });

  it("sends at most three links an hour to one account, still answering the same", async () => {
    const user = await makeUser();
    for (let attempt = 0; attempt < MAX_OPEN_RESETS + 2; attempt++) {
      await expect(anyone.passwordReset.request({ email: user.email })).resolves.toEqual({ ok: true });
    }
    expect(await db().passwordReset.count({ where: { userId: user.id } })).toBe(MAX_OPEN_RESETS);
    expect(await db().outboxMessage.count({ where: { to: user.email } })).toBe(MAX_OPEN_RESETS);
  });
});

describe("passwordReset.complete", () => {
  it("sets the new password once, and retires the account's other links", async () => {
    const user = await makeUser();
    await anyone.passwordReset.request({ email: user.email });
    const older = await tokenFromEmail(user.email);
    await anyone.passwordReset.request({ email: user.email });
    const newer = await tokenFromEmail(user.email);
    expect(newer).not.toBe(older);

    await expect(anyone.passwordReset.complete({ token: newer, password: "my fresh password" })).resolves.toEqual({ email: user.email });

    await expect(verifyCredentials(db(), { email: user.email, password: "my fresh password" })).resolves.toMatchObject({ id: user.id });
    await expect(verifyCredentials(db(), { email: user.email, password: TEST_PASSWORD })).resolves.toBeNull();
    await expect(anyone.passwordReset.complete({ token: newer, password: "another password!" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("already been used"),
    });
    await expect(anyone.passwordReset.complete({ token: older, password: "another password!" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(verifyCredentials(db(), { email: user.email, password: "my fresh password" })).resolves.toMatchObject({ id: user.id });
  });

  it("refuses an expired or unknown link and a short password, keeping the old password", async () => {
    const user = await makeUser();
    await anyone.passwordReset.request({ email: user.email });
    const token = await tokenFromEmail(user.email);

    await expect(anyone.passwordReset.complete({ token, password: "short" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await db().passwordReset.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(anyone.passwordReset.complete({ token, password: "my fresh password" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "This password reset link has expired. Ask for a new one.",
    });
    await expect(anyone.passwordReset.complete({ token: "made-up", password: "my fresh password" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "This password reset link is not valid. Ask for a new one.",
    });
    await expect(verifyCredentials(db(), { email: user.email, password: TEST_PASSWORD })).resolves.toMatchObject({ id: user.id });
    expect(await db().passwordReset.count({ where: { userId: user.id, usedAt: { not: null } } })).toBe(0);
  });

  it("lets only one of two simultaneous uses of a link succeed", async () => {
    const user = await makeUser();
    await anyone.passwordReset.request({ email: user.email });
    const token = await tokenFromEmail(user.email);
    const results = await Promise.allSettled([
      anyone.passwordReset.complete({ token, password: "first new password" }),
      anyone.passwordReset.complete({ token, password: "second new password" }),
    ]);
    expect(results.filter(({ status }) => status === "fulfilled")).toHaveLength(1);
    expect(results.find(({ status }) => status === "rejected")).toMatchObject({ reason: { code: "BAD_REQUEST" } });
  });
});
