import { describe, expect, it } from "vitest";
import { createCaller } from "@/server/api/root";
import { authorizeSignIn } from "@/server/auth/sign-in";
import { SESSION_ENDED } from "@/server/auth/session";
import { getDb } from "@/server/db";
import type { DomainEvent } from "@/server/events";
import { SignInThrottle } from "@/server/rate-limit";
import { addMember, callerFor, makeGroup, makeInvitation, makeUser, TEST_PASSWORD } from "@/server/test/factories";

/** Signs in as next-auth does and returns a caller holding that session token's claims. */
async function signedIn(email: string, password = TEST_PASSWORD) {
  const user = await authorizeSignIn(getDb(), new SignInThrottle(), { email, password }, null);
  if (!user) throw new Error("sign-in failed");
  const published: DomainEvent[] = [];
  const caller = createCaller({
    db: getDb(),
    userId: user.id,
    credentialVersion: user.credentialVersion,
    publish: (event) => published.push(event),
  });
  return { caller, published };
}

/** The token from the newest reset email to the address. */
async function resetToken(email: string): Promise<string> {
  const mail = await getDb().outboxMessage.findFirstOrThrow({ where: { to: email }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
  return /\/reset-password\/([A-Za-z0-9_-]+)/.exec(mail.text)![1]!;
}

describe("sessions end when they should", () => {
  it("a password change ends every session made with the old password; signing in again works", async () => {
    const user = await makeUser();
    const [laptop, phone] = [await signedIn(user.email), await signedIn(user.email)];
    await expect(phone.caller.user.me()).resolves.toMatchObject({ id: user.id });

    await laptop.caller.user.changePassword({ currentPassword: TEST_PASSWORD, newPassword: "a brand new password" });

    await expect(phone.caller.user.me()).rejects.toMatchObject({ code: "UNAUTHORIZED", message: SESSION_ENDED });
    await expect(laptop.caller.user.me()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    expect(laptop.published).toContainEqual({ name: "session.revoked", room: `user:${user.id}`, payload: { userId: user.id } });
    const again = await signedIn(user.email, "a brand new password");
    await expect(again.caller.user.me()).resolves.toMatchObject({ id: user.id });
  });

  it("a password reset ends the sessions that were open, including a thief's", async () => {
    const user = await makeUser();
    const thief = await signedIn(user.email);
    const { caller: anyone, published } = callerFor(null);
    await anyone.passwordReset.request({ email: user.email });
    await anyone.passwordReset.complete({ token: await resetToken(user.email), password: "only the owner knows" });

    await expect(thief.caller.user.me()).rejects.toMatchObject({ code: "UNAUTHORIZED", message: SESSION_ENDED });
    await expect(thief.caller.user.updateProfile({ name: "Taken over", bio: "" })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    expect(published).toContainEqual({ name: "session.revoked", room: `user:${user.id}`, payload: { userId: user.id } });
    const owner = await signedIn(user.email, "only the owner knows");
    await expect(owner.caller.user.me()).resolves.toMatchObject({ name: user.name });
  });

  it("user.signOutEverywhere ends every session, this one too, and leaves other people signed in", async () => {
    const [user, other] = [await makeUser(), await makeUser()];
    const [here, elsewhere, someoneElse] = [await signedIn(user.email), await signedIn(user.email), await signedIn(other.email)];

    await expect(here.caller.user.signOutEverywhere()).resolves.toEqual({ ok: true });

    await expect(elsewhere.caller.user.me()).rejects.toMatchObject({ code: "UNAUTHORIZED", message: SESSION_ENDED });
    await expect(here.caller.user.me()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(someoneElse.caller.user.me()).resolves.toMatchObject({ id: other.id });
    expect(here.published).toEqual([{ name: "session.revoked", room: `user:${user.id}`, payload: { userId: user.id } }]);
    await expect((await signedIn(user.email)).caller.user.me()).resolves.toMatchObject({ id: user.id });
  });

  it("public procedures treat an ended session as signed out", async () => {
    const [admin, member] = [await makeUser(), await makeUser()];
    const group = await makeGroup();
    await addMember(group.id, admin.id, "admin");
    await addMember(group.id, member.id, "member");
    const invitation = await makeInvitation({ groupId: group.id, invitedById: admin.id });
    const session = await signedIn(member.email);
    await expect(session.caller.invitation.preview({ token: invitation.token })).resolves.toMatchObject({ alreadyMember: true });

    await callerFor(member.id).caller.user.signOutEverywhere();

    await expect(session.caller.invitation.preview({ token: invitation.token })).resolves.toMatchObject({ alreadyMember: false });
  });

  it("a token made before credential versions existed counts as version 0 until the first change", async () => {
    const user = await makeUser();
    const legacy = createCaller({ db: getDb(), userId: user.id, publish: () => undefined });
    await expect(legacy.user.me()).resolves.toMatchObject({ id: user.id });
    await getDb().user.update({ where: { id: user.id }, data: { credentialVersion: { increment: 1 } } });
    await expect(legacy.user.me()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});
