import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { hashToken } from "@/server/auth/tokens";
import { getDb } from "@/server/db";
import { CLAIM_LINK_LIFETIME_MS, MAX_OPEN_CLAIM_LINKS, NO_PASSWORD } from "@/server/members/claim-links";
import { addMember, callerFor, makeGroup, makeUser } from "@/server/test/factories";
import { verifyCredentials } from "@/server/users/service";

const db = () => getDb();

/** A person as an import brings them in: an account with no password. */
async function importedPerson(name = "Ada Imported") {
  return db().user.create({
    data: { name, email: `imported-${randomUUID().slice(0, 8)}@example.test`, passwordHash: NO_PASSWORD },
    select: { id: true, name: true, email: true },
  });
}

async function groupWithAdmin() {
  const [group, admin] = [await makeGroup({ name: "Climate Action" }), await makeUser({ name: "Morgan Staff" })];
  await addMember(group.id, admin.id, "admin");
  return { group, admin, caller: callerFor(admin.id).caller };
}

/** The token of the newest email to the address, as the person would click it. */
async function linkFromEmail(email: string): Promise<{ token: string; url: URL }> {
  const mail = await db().outboxMessage.findFirstOrThrow({ where: { to: email }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
  const url = new URL(/https?:\/\/\S+\/reset-password\/\S+/.exec(mail.text)![0]);
  return { token: url.pathname.split("/").pop()!, url };
}

describe("member.sendClaimLinks", () => {
  it("lets an imported person choose a password and sign in, which they could not before", async () => {
    const { group, caller } = await groupWithAdmin();
    const person = await importedPerson();
    await addMember(group.id, person.id, "member");
    await expect(verifyCredentials(db(), { email: person.email, password: "" })).resolves.toBeNull();
    await expect(verifyCredentials(db(), { email: person.email, password: "any guess at all" })).resolves.toBeNull();

    expect(await caller.member.sendClaimLinks({ groupId: group.id, userIds: [person.id] })).toEqual({
      sent: [{ userId: person.id, name: person.name }],
      skipped: [],
      emailSent: false,
    });
    const mail = await db().outboxMessage.findFirstOrThrow({ where: { to: person.email } });
    expect(mail).toMatchObject({ userId: person.id, subject: "Your Hearth account for Climate Action is ready" });
    expect(mail.text).toContain("Choose a password for your Hearth account");
    expect(mail.text).toContain("Morgan Staff has moved Climate Action to Hearth");
    const { token, url } = await linkFromEmail(person.email);
    expect(url.searchParams.has("welcome")).toBe(true);
    const link = await db().passwordReset.findUniqueOrThrow({ where: { tokenHash: hashToken(token) } });
    expect(link.userId).toBe(person.id);
    expect(link.expiresAt.getTime() - link.createdAt.getTime()).toBeCloseTo(CLAIM_LINK_LIFETIME_MS, -4);

    await callerFor(null).caller.passwordReset.complete({ token, password: "my very own password" });
    await expect(verifyCredentials(db(), { email: person.email, password: "my very own password" })).resolves.toMatchObject({ id: person.id });
    await expect(callerFor(null).caller.passwordReset.complete({ token, password: "another password!" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("sends to everyone who has not signed in yet, never to someone with a password", async () => {
    const { group, admin, caller } = await groupWithAdmin();
    const [first, second] = [await importedPerson("Bea"), await importedPerson("Cy")];
    const regular = await makeUser({ name: "Dee Regular" });
    const elsewhere = await importedPerson("Eve Elsewhere");
    for (const person of [first, second, regular]) await addMember(group.id, person.id, "member");
    await addMember((await makeGroup()).id, elsewhere.id, "member");

    expect(await caller.member.unclaimedCount({ groupId: group.id })).toEqual({ count: 2 });
    const everyone = await caller.member.sendClaimLinks({ groupId: group.id });
    expect(everyone.sent.map(({ name }) => name)).toEqual(["Bea", "Cy"]);
    expect(everyone.skipped).toEqual([]);

    const named = await caller.member.sendClaimLinks({ groupId: group.id, userIds: [regular.id, admin.id, elsewhere.id] });
    expect(named.sent).toEqual([]);
    expect(named.skipped).toEqual(
      expect.arrayContaining([
        { userId: regular.id, name: "Dee Regular", reason: "They have already chosen a password and can sign in." },
        { userId: elsewhere.id, name: "", reason: "They are not a member of this group." },
      ]),
    );
    expect(await db().outboxMessage.count({ where: { to: { in: [regular.email, admin.email, elsewhere.email] } } })).toBe(0);
    expect(await db().passwordReset.count({ where: { userId: { in: [regular.id, admin.id, elsewhere.id] } } })).toBe(0);

    const listed = await caller.member.list({ groupId: group.id });
    expect(Object.fromEntries(listed.items.map(({ name, unclaimed }) => [name, unclaimed]))).toEqual({
      Bea: true,
      Cy: true,
      "Dee Regular": false,
      "Morgan Staff": false,
    });
  });

  it("keeps an admin from filling someone's inbox: at most three unused links at once", async () => {
    const { group, caller } = await groupWithAdmin();
    const person = await importedPerson();
    await addMember(group.id, person.id, "member");
    for (let round = 0; round < MAX_OPEN_CLAIM_LINKS; round++) {
      expect((await caller.member.sendClaimLinks({ groupId: group.id, userIds: [person.id] })).sent).toHaveLength(1);
    }
    const refused = await caller.member.sendClaimLinks({ groupId: group.id, userIds: [person.id] });
    expect(refused).toMatchObject({ sent: [], skipped: [{ userId: person.id, reason: expect.stringContaining("already have 3 unused links") }] });
    expect(await db().outboxMessage.count({ where: { to: person.email } })).toBe(MAX_OPEN_CLAIM_LINKS);

    await db().passwordReset.updateMany({ where: { userId: person.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await caller.member.sendClaimLinks({ groupId: group.id, userIds: [person.id] })).sent).toHaveLength(1);
  });

  it("is for the group's admins: members neither send links nor see who has not signed in", async () => {
    const { group } = await groupWithAdmin();
    const [member, outsider, person] = [await makeUser(), await makeUser(), await importedPerson()];
    await addMember(group.id, member.id, "member");
    await addMember(group.id, person.id, "member");
    const asMember = callerFor(member.id).caller;
    await expect(asMember.member.sendClaimLinks({ groupId: group.id, userIds: [person.id] })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(asMember.member.unclaimedCount({ groupId: group.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerFor(outsider.id).caller.member.sendClaimLinks({ groupId: group.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await asMember.member.list({ groupId: group.id })).items.every(({ unclaimed }) => !unclaimed)).toBe(true);
    expect(await db().outboxMessage.count({ where: { to: person.email } })).toBe(0);
  });
});
