import { describe, expect, it } from "vitest";
import { hashToken } from "@/server/auth/tokens";
import { getDb } from "@/server/db";
import { INVITATION_LIFETIME_MS } from "@/server/invitations/mail";
import { addMember, callerFor, makeGroup, makeUser, TEST_PASSWORD } from "@/server/test/factories";
import { verifyPassword } from "@/server/users/password";

const db = () => getDb();
const tokenOf = (link: string) => new URL(link).pathname.split("/").at(-1)!;
const unique = () => Math.random().toString(36).slice(2, 10);
const address = (name = "guest") => `${name}-${unique()}@example.test`;

/** A group with an admin, a member, a guest and an outsider (member of another group). */
async function scene(options: { membersCanInvite?: boolean } = {}) {
  const group = await makeGroup({ name: `Garden ${unique()}` });
  if (options.membersCanInvite) await db().group.update({ where: { id: group.id }, data: { membersCanInvite: true } });
  const [admin, member, guest, outsider] = await Promise.all([
    makeUser({ name: "Ada Admin" }),
    makeUser({ name: "Mo Member" }),
    makeUser(),
    makeUser(),
  ]);
  await addMember(group.id, admin.id, "admin");
  await addMember(group.id, member.id, "member");
  await addMember(group.id, guest.id, "guest");
  await addMember((await makeGroup()).id, outsider.id, "member");
  return { group, admin, member, guest, outsider };
}

async function invite(inviterId: string, groupId: string, emails: string[], role: "admin" | "member" | "guest" = "member") {
  const result = await callerFor(inviterId).caller.invitation.create({ groupId, emails, role });
  return result.invitations.map((invitation) => ({ ...invitation, token: tokenOf(invitation.link) }));
}

async function writes() {
  const [invitations, users, memberships, outbox] = await Promise.all([
    db().invitation.count(),
    db().user.count(),
    db().membership.count(),
    db().outboxMessage.count(),
  ]);
  return { invitations, users, memberships, outbox };
}

describe("invitation.create", () => {
  it("invites a pasted list, keeping only a hash of each single-use token, and emails each person", async () => {
    const { group, admin } = await scene();
    const [ana, ben] = [address("ana"), address("ben")];
    const before = Date.now();

    const result = await callerFor(admin.id).caller.invitation.create({
      groupId: group.id,
      emails: [` ${ana.toUpperCase()} `, ben, ana],
      role: "member",
      message: "We would love your help with the garden.",
    });

    expect(result.skipped).toEqual([]);
    expect(result.emailSent).toBe(false);
    expect(result.invitations.map(({ email }) => email)).toEqual([ana, ben]);
    for (const invitation of result.invitations) {
      expect(invitation.link).toMatch(/^http:\/\/localhost:3000\/invitations\/[A-Za-z0-9_-]{43}$/);
      expect(invitation.expiresAt.getTime() - before).toBeGreaterThanOrEqual(INVITATION_LIFETIME_MS - 1000);
      expect(invitation.expiresAt.getTime() - before).toBeLessThan(INVITATION_LIFETIME_MS + 60_000);
      const row = await db().invitation.findUniqueOrThrow({ where: { id: invitation.id } });
      expect(row).toMatchObject({ email: invitation.email, role: "member", invitedById: admin.id, sentCount: 1, acceptedAt: null });
      expect(row.tokenHash).toBe(hashToken(tokenOf(invitation.link)));
      expect(JSON.stringify(row)).not.toContain(tokenOf(invitation.link));
    }

    const mail = await db().outboxMessage.findFirstOrThrow({ where: { to: ana } });
    expect(mail.subject).toContain(group.name);
    expect(mail.text).toContain("Ada Admin");
    expect(mail.text).toContain("We would love your help with the garden.");
    expect(mail.text).toContain(`/invitations/${tokenOf(result.invitations[0]!.link)}`);
  });

  it("skips existing members and pending invitations with a reason", async () => {
    const { group, admin, member } = await scene();
    const [pending] = await invite(admin.id, group.id, [address()]);
    const fresh = address();

    const result = await callerFor(admin.id).caller.invitation.create({
      groupId: group.id,
      emails: [member.email, pending!.email, fresh],
      role: "member",
    });

    expect(result.invitations.map(({ email }) => email)).toEqual([fresh]);
    expect(result.skipped).toEqual([
      { email: member.email, reason: "already a member" },
      { email: pending!.email, reason: "already invited — resend it instead" },
    ]);
  });

  it("refuses when nobody new remains, giving the reasons, and writes nothing", async () => {
    const { group, admin, member } = await scene();
    const [pending] = await invite(admin.id, group.id, [address()]);
    const before = await writes();

    const attempt = callerFor(admin.id).caller.invitation.create({ groupId: group.id, emails: [member.email, pending!.email], role: "member" });

    await expect(attempt).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining(`${member.email} is already a member`) });
    expect(await writes()).toEqual(before);
  });

  it("invites the valid addresses of a list and returns each reject with its reason", async () => {
    const { group, admin, member } = await scene();
    const [pending] = await invite(admin.id, group.id, [address()]);
    const [ana, ben] = [address("ana"), address("ben")];

    const result = await callerFor(admin.id).caller.invitation.create({
      groupId: group.id,
      emails: [ana, "pat@", member.email, ben, pending!.email, "ana.example.org"],
      role: "member",
    });

    expect(result.invitations.map(({ email }) => email)).toEqual([ana, ben]);
    expect(result.skipped).toEqual([
      { email: "pat@", reason: "not an email address" },
      { email: member.email, reason: "already a member" },
      { email: pending!.email, reason: "already invited — resend it instead" },
      { email: "ana.example.org", reason: "not an email address" },
    ]);
    expect(await db().invitation.count({ where: { groupId: group.id, email: { in: ["pat@", "ana.example.org"] } } })).toBe(0);
    expect(await db().outboxMessage.count({ where: { to: { in: [ana, ben, "pat@"] } } })).toBe(2);
  });

  it("refuses a list with no valid address, naming each, and writes nothing", async () => {
    const { group, admin } = await scene();
    const before = await writes();
    const attempt = callerFor(admin.id).caller.invitation.create({ groupId: group.id, emails: ["pat@", "ana.example.org"], role: "member" });
    await expect(attempt).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "Nobody new to invite: pat@ is not an email address; ana.example.org is not an email address.",
    });
    expect(await writes()).toEqual(before);
  });

  it("accepts at most 100 addresses at once", async () => {
    const { group, admin } = await scene();
    const emails = Array.from({ length: 101 }, (_, index) => `person${index}@example.test`);
    await expect(callerFor(admin.id).caller.invitation.create({ groupId: group.id, emails, role: "member" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("at most 100"),
    });
  });

  it("refuses people who may not invite, and writes nothing", async () => {
    const { group, member, guest, outsider } = await scene();
    const before = await writes();
    const attempt = (userId: string | null) =>
      callerFor(userId).caller.invitation.create({ groupId: group.id, emails: [address()], role: "guest" });
    await expect(attempt(member.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(attempt(guest.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(attempt(outsider.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(attempt(null)).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    expect(await writes()).toEqual(before);
  });

  it("lets members invite when the group allows it, but never as admin", async () => {
    const { group, member } = await scene({ membersCanInvite: true });
    const { caller } = callerFor(member.id);
    await expect(caller.invitation.assignableRoles({ groupId: group.id })).resolves.toEqual(["member", "guest"]);
    await expect(caller.invitation.create({ groupId: group.id, emails: [address()], role: "member" })).resolves.toMatchObject({
      invitations: [expect.objectContaining({ email: expect.any(String) })],
    });
    await expect(caller.invitation.create({ groupId: group.id, emails: [address()], role: "admin" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("stores the thread of a guest invitation, and refuses a thread of another group", async () => {
    const { group, admin } = await scene();
    const other = await makeGroup();
    const [here, elsewhere] = await Promise.all(
      [group.id, other.id].map((groupId) =>
        db().thread.create({ data: { groupId, authorId: admin.id, title: "Paths", body: "" }, select: { id: true } }),
      ),
    );
    const { caller } = callerFor(admin.id);
    const result = await caller.invitation.create({ groupId: group.id, emails: [address()], role: "guest", threadId: here!.id });
    await expect(db().invitation.findUniqueOrThrow({ where: { id: result.invitations[0]!.id } })).resolves.toMatchObject({
      threadId: here!.id,
    });
    await expect(
      caller.invitation.create({ groupId: group.id, emails: [address()], role: "guest", threadId: elsewhere!.id }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("invitation.assignableRoles", () => {
  it("gives admins every role, other members none unless the group allows, and hides the group from outsiders", async () => {
    const { group, admin, member, guest, outsider } = await scene();
    const roles = (userId: string) => callerFor(userId).caller.invitation.assignableRoles({ groupId: group.id });
    await expect(roles(admin.id)).resolves.toEqual(["admin", "member", "guest"]);
    await expect(roles(member.id)).resolves.toEqual([]);
    await expect(roles(guest.id)).resolves.toEqual([]);
    await expect(roles(outsider.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("invitation.list", () => {
  it("shows admins every pending invitation, expired ones marked, and inviters only their own", async () => {
    const { group, admin, member, guest, outsider } = await scene({ membersCanInvite: true });
    const [byAdmin, expiring, toRevoke] = await invite(admin.id, group.id, [address(), address(), address()]);
    const [byMember] = await invite(member.id, group.id, [address()]);
    await db().invitation.update({ where: { id: expiring!.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await callerFor(admin.id).caller.invitation.revoke({ id: toRevoke!.id });

    const all = await callerFor(admin.id).caller.invitation.list({ groupId: group.id });
    expect(all.nextCursor).toBeNull();
    expect(all.items.map(({ email, status }) => ({ email, status })).sort((a, b) => a.email.localeCompare(b.email))).toEqual(
      [
        { email: byAdmin!.email, status: "pending" },
        { email: expiring!.email, status: "expired" },
        { email: byMember!.email, status: "pending" },
      ].sort((a, b) => a.email.localeCompare(b.email)),
    );
    expect(all.items.find(({ id }) => id === byMember!.id)).toMatchObject({
      role: "member",
      invitedBy: { id: member.id, name: "Mo Member" },
      sentCount: 1,
    });

    const own = await callerFor(member.id).caller.invitation.list({ groupId: group.id });
    expect(own.items.map(({ id }) => id)).toEqual([byMember!.id]);
    await expect(callerFor(guest.id).caller.invitation.list({ groupId: group.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerFor(outsider.id).caller.invitation.list({ groupId: group.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(callerFor(null).caller.invitation.list({ groupId: group.id })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("says whether each invitation's email is queued, sent or failed, from the outbox", async () => {
    const { group, admin } = await scene();
    const [queued, sent, failed, unsent] = await invite(admin.id, group.id, [address(), address(), address(), address()]);
    await db().outboxMessage.updateMany({ where: { to: sent!.email }, data: { status: "sent", sentAt: new Date() } });
    await db().outboxMessage.updateMany({ where: { to: failed!.email }, data: { status: "failed", error: "mailbox unavailable" } });
    await db().outboxMessage.deleteMany({ where: { to: unsent!.email } });
    // An email about something else to the same address says nothing about the invitation.
    await db().outboxMessage.create({ data: { to: unsent!.email, subject: "Reset your password", text: "", html: "", status: "sent" } });

    const { items } = await callerFor(admin.id).caller.invitation.list({ groupId: group.id });
    const delivery = Object.fromEntries(items.map(({ email, delivery }) => [email, delivery]));
    expect(delivery).toEqual({ [queued!.email]: "queued", [sent!.email]: "sent", [failed!.email]: "failed", [unsent!.email]: "none" });

    // Resending queues a new email: the row follows it, not the failed one before.
    await callerFor(admin.id).caller.invitation.resend({ id: failed!.id });
    const after = await callerFor(admin.id).caller.invitation.list({ groupId: group.id });
    expect(after.items.find(({ id }) => id === failed!.id)?.delivery).toBe("queued");
  });

  it("refuses a member when the group does not let members invite", async () => {
    const { group, member } = await scene();
    await expect(callerFor(member.id).caller.invitation.list({ groupId: group.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("pages through many invitations with a cursor", async () => {
    const { group, admin } = await scene();
    const emails = Array.from({ length: 60 }, () => address());
    await invite(admin.id, group.id, emails);
    const { caller } = callerFor(admin.id);
    const first = await caller.invitation.list({ groupId: group.id });
    expect(first.items).toHaveLength(50);
    const second = await caller.invitation.list({ groupId: group.id, cursor: first.nextCursor! });
    expect(second.nextCursor).toBeNull();
    expect(new Set([...first.items, ...second.items].map(({ email }) => email))).toEqual(new Set(emails));
  });
});

describe("invitation.revoke", () => {
  it("lets an admin withdraw an invitation so its link stops working", async () => {
    const { group, admin } = await scene();
    const [invitation] = await invite(admin.id, group.id, [address()]);
    await expect(callerFor(admin.id).caller.invitation.revoke({ id: invitation!.id })).resolves.toEqual({ id: invitation!.id });

    await expect(callerFor(null).caller.invitation.preview({ token: invitation!.token })).resolves.toMatchObject({ status: "revoked" });
    const accept = callerFor(null).caller.invitation.accept({ token: invitation!.token, name: "Late", password: "a long enough password" });
    await expect(accept).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("revoked") });
    await expect(callerFor(admin.id).caller.invitation.revoke({ id: invitation!.id })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("already been revoked"),
    });
  });

  it("lets an inviter withdraw their own invitation but not someone else's", async () => {
    const { group, admin, member, guest, outsider } = await scene({ membersCanInvite: true });
    const [own] = await invite(member.id, group.id, [address()]);
    const [admins] = await invite(admin.id, group.id, [address()]);
    await expect(callerFor(member.id).caller.invitation.revoke({ id: admins!.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerFor(guest.id).caller.invitation.revoke({ id: own!.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerFor(outsider.id).caller.invitation.revoke({ id: own!.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(callerFor(null).caller.invitation.revoke({ id: own!.id })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    expect(await db().invitation.count({ where: { revokedAt: { not: null }, id: { in: [own!.id, admins!.id] } } })).toBe(0);
    await expect(callerFor(member.id).caller.invitation.revoke({ id: own!.id })).resolves.toEqual({ id: own!.id });
  });

  it("refuses to withdraw an invitation that was used", async () => {
    const { group, admin } = await scene();
    const [invitation] = await invite(admin.id, group.id, [address()]);
    await callerFor(null).caller.invitation.accept({ token: invitation!.token, name: "Joiner", password: "a long enough password" });
    await expect(callerFor(admin.id).caller.invitation.revoke({ id: invitation!.id })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("already been used"),
    });
  });
});

describe("invitation.resend", () => {
  it("issues a new link, retires the old one, extends the expiry and emails again", async () => {
    const { group, admin } = await scene();
    const [invitation] = await invite(admin.id, group.id, [address()]);
    await db().invitation.update({ where: { id: invitation!.id }, data: { expiresAt: new Date(Date.now() - 1000) } });

    const resent = await callerFor(admin.id).caller.invitation.resend({ id: invitation!.id });

    const newToken = tokenOf(resent.link);
    expect(newToken).not.toBe(invitation!.token);
    expect(resent.expiresAt.getTime()).toBeGreaterThan(Date.now() + INVITATION_LIFETIME_MS - 60_000);
    await expect(callerFor(null).caller.invitation.preview({ token: invitation!.token })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(callerFor(null).caller.invitation.preview({ token: newToken })).resolves.toMatchObject({ status: "valid" });
    await expect(db().invitation.findUniqueOrThrow({ where: { id: invitation!.id } })).resolves.toMatchObject({ sentCount: 2 });
    const mails = await db().outboxMessage.findMany({ where: { to: invitation!.email }, orderBy: { createdAt: "asc" } });
    expect(mails).toHaveLength(2);
    expect(mails[1]!.text).toContain(`/invitations/${newToken}`);
  });

  it("is for admins and the inviter only", async () => {
    const { group, admin, member, guest, outsider } = await scene({ membersCanInvite: true });
    const [admins] = await invite(admin.id, group.id, [address()]);
    const [own] = await invite(member.id, group.id, [address()]);
    await expect(callerFor(member.id).caller.invitation.resend({ id: admins!.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerFor(guest.id).caller.invitation.resend({ id: own!.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerFor(outsider.id).caller.invitation.resend({ id: own!.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(callerFor(member.id).caller.invitation.resend({ id: own!.id })).resolves.toMatchObject({ id: own!.id });
    await expect(callerFor(admin.id).caller.invitation.resend({ id: own!.id })).resolves.toMatchObject({ id: own!.id });
  });
});

describe("invitation.preview", () => {
  it("describes a valid invitation to whoever holds the link", async () => {
    const { group, admin, member } = await scene();
    const existing = await makeUser();
    const result = await callerFor(admin.id).caller.invitation.create({
      groupId: group.id,
      emails: [existing.email, address()],
      role: "guest",
      message: "Come and see",
    });
    const [forExisting, forNew] = result.invitations.map(({ link }) => tokenOf(link));

    await expect(callerFor(null).caller.invitation.preview({ token: forNew! })).resolves.toEqual({
      group: { name: group.name, handle: group.handle },
      inviterName: "Ada Admin",
      role: "guest",
      invitedTo: null,
      message: "Come and see",
      email: result.invitations[1]!.email,
      accountExists: false,
      alreadyMember: false,
      status: "valid",
    });
    await expect(callerFor(null).caller.invitation.preview({ token: forExisting! })).resolves.toMatchObject({ accountExists: true });
    await expect(callerFor(member.id).caller.invitation.preview({ token: forNew! })).resolves.toMatchObject({ alreadyMember: true });
  });

  it("says nothing about an unknown token", async () => {
    await expect(callerFor(null).caller.invitation.preview({ token: "not-a-real-token" })).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "This invitation link is not valid.",
    });
  });
});

describe("invitation.accept", () => {
  it("creates the account and the membership together for a signed-out newcomer", async () => {
    const { group, admin } = await scene();
    const [invitation] = await invite(admin.id, group.id, [address("newcomer")], "member");
    const { caller, published } = callerFor(null);

    const result = await caller.invitation.accept({ token: invitation!.token, name: "  Nia Newcomer ", password: "a long enough password" });

    expect(result).toEqual({ group: { id: group.id, name: group.name, handle: group.handle }, accountCreated: true, email: invitation!.email });
    const user = await db().user.findUniqueOrThrow({ where: { email: invitation!.email } });
    expect(user.name).toBe("Nia Newcomer");
    expect(user.isAdmin).toBe(false);
    expect(await verifyPassword("a long enough password", user.passwordHash)).toBe(true);
    await expect(db().membership.findUniqueOrThrow({ where: { userId_groupId: { userId: user.id, groupId: group.id } } })).resolves.toMatchObject({
      role: "member",
      invitedById: admin.id,
    });
    const row = await db().invitation.findUniqueOrThrow({ where: { id: invitation!.id } });
    expect(row.acceptedById).toBe(user.id);
    expect(row.acceptedAt).toBeInstanceOf(Date);
    expect(published).toEqual([
      { name: "membership.added", room: `user:${user.id}`, payload: { userId: user.id, group: expect.objectContaining({ id: group.id, role: "member" }) } },
      { name: "notification.created", room: `user:${admin.id}`, payload: expect.objectContaining({ kind: "invitation_accepted" }) },
    ]);
  });

  it("joins the parent groups a subgroup requires, publishing each", async () => {
    const { group: parent, admin } = await scene();
    const child = await makeGroup({ parentId: parent.id });
    await addMember(child.id, admin.id, "admin");
    const [invitation] = await invite(admin.id, child.id, [address()], "member");
    const { caller, published } = callerFor(null);
    await caller.invitation.accept({ token: invitation!.token, name: "Sub Joiner", password: "a long enough password" });
    const added = published.filter((event) => event.name === "membership.added");
    expect(added.map((event) => event.name === "membership.added" && event.payload.group.id).sort()).toEqual([child.id, parent.id].sort());
  });

  it("makes a guest a guest of the thread they were invited to", async () => {
    const { group, admin } = await scene();
    const thread = await db().thread.create({ data: { groupId: group.id, authorId: admin.id, title: "Budget", body: "" }, select: { id: true } });
    const result = await callerFor(admin.id).caller.invitation.create({ groupId: group.id, emails: [address()], role: "guest", threadId: thread.id });
    const token = tokenOf(result.invitations[0]!.link);
    await callerFor(null).caller.invitation.accept({ token, name: "Gus Guest", password: "a long enough password" });
    const user = await db().user.findUniqueOrThrow({ where: { email: result.invitations[0]!.email } });
    await expect(db().threadGuest.findUnique({ where: { threadId_userId: { threadId: thread.id, userId: user.id } } })).resolves.not.toBeNull();
  });

  it("asks someone signed out whose address already has an account to sign in first, writing nothing", async () => {
    const { group, admin } = await scene();
    const existing = await makeUser();
    const [invitation] = await invite(admin.id, group.id, [existing.email]);
    const before = await writes();
    const attempt = callerFor(null).caller.invitation.accept({ token: invitation!.token, name: "Again", password: "a long enough password" });
    await expect(attempt).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "You already have an account: sign in, then open the link again.",
    });
    expect(await writes()).toEqual(before);
  });

  it("needs a name and a password to create an account", async () => {
    const { group, admin } = await scene();
    const [invitation] = await invite(admin.id, group.id, [address()]);
    const before = await writes();
    await expect(callerFor(null).caller.invitation.accept({ token: invitation!.token })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      callerFor(null).caller.invitation.accept({ token: invitation!.token, name: "Short", password: "short" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("at least 10 characters") });
    expect(await writes()).toEqual(before);
  });

  it("adds a signed-in person even when they use another address", async () => {
    const { group, admin } = await scene();
    const [invitation] = await invite(admin.id, group.id, [address("work")], "guest");
    const person = await makeUser();
    const { caller, published } = callerFor(person.id);

    await expect(caller.invitation.accept({ token: invitation!.token })).resolves.toMatchObject({ accountCreated: false, email: person.email });

    await expect(db().membership.findUniqueOrThrow({ where: { userId_groupId: { userId: person.id, groupId: group.id } } })).resolves.toMatchObject({
      role: "guest",
    });
    await expect(db().invitation.findUniqueOrThrow({ where: { id: invitation!.id } })).resolves.toMatchObject({ acceptedById: person.id });
    expect(published.map(({ name }) => name)).toEqual(["membership.added", "notification.created"]);
    expect(await db().user.count({ where: { email: invitation!.email } })).toBe(0);
  });

  it("refuses a signed-in person who is already a member, leaving the invitation unused", async () => {
    const { group, admin, member } = await scene();
    const [invitation] = await invite(admin.id, group.id, [address()]);
    await expect(callerFor(member.id).caller.invitation.accept({ token: invitation!.token })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("already a member"),
    });
    await expect(db().invitation.findUniqueOrThrow({ where: { id: invitation!.id } })).resolves.toMatchObject({ acceptedAt: null });
  });

  it("refuses expired and used links with a clear message, writing nothing", async () => {
    const { group, admin } = await scene();
    const [expired, used] = await invite(admin.id, group.id, [address(), address()]);
    await db().invitation.update({ where: { id: expired!.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await callerFor(null).caller.invitation.accept({ token: used!.token, name: "First", password: "a long enough password" });
    const before = await writes();
    const person = await makeUser();
    const afterPerson = { ...before, users: before.users + 1 };

    await expect(callerFor(person.id).caller.invitation.accept({ token: expired!.token })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("expired"),
    });
    await expect(callerFor(person.id).caller.invitation.accept({ token: used!.token })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("already been used"),
    });
    await expect(callerFor(null).caller.invitation.preview({ token: used!.token })).resolves.toMatchObject({ status: "used" });
    await expect(callerFor(null).caller.invitation.preview({ token: expired!.token })).resolves.toMatchObject({ status: "expired" });
    await expect(callerFor(null).caller.invitation.accept({ token: "unknown" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await writes()).toEqual(afterPerson);
  });

  it("lets only one of two simultaneous accepts of one link succeed", async () => {
    const { group, admin } = await scene();
    const [invitation] = await invite(admin.id, group.id, [address()]);
    const [first, second] = [await makeUser(), await makeUser()];

    const results = await Promise.allSettled([
      callerFor(first.id).caller.invitation.accept({ token: invitation!.token }),
      callerFor(second.id).caller.invitation.accept({ token: invitation!.token }),
    ]);

    expect(results.filter(({ status }) => status === "fulfilled")).toHaveLength(1);
    const failure = results.find((result): result is PromiseRejectedResult => result.status === "rejected")!;
    expect(failure.reason).toMatchObject({ code: expect.stringMatching(/CONFLICT|BAD_REQUEST/) });
    expect(await db().membership.count({ where: { groupId: group.id, userId: { in: [first.id, second.id] } } })).toBe(1);
  });

  it("creates only one account when a newcomer submits twice at once", async () => {
    const { group, admin } = await scene();
    const [invitation] = await invite(admin.id, group.id, [address()]);
    const accept = () => callerFor(null).caller.invitation.accept({ token: invitation!.token, name: "Twice", password: TEST_PASSWORD });

    const results = await Promise.allSettled([accept(), accept()]);

    expect(results.filter(({ status }) => status === "fulfilled")).toHaveLength(1);
    const failure = results.find((result): result is PromiseRejectedResult => result.status === "rejected")!;
    expect(failure.reason).toMatchObject({ code: expect.stringMatching(/CONFLICT|BAD_REQUEST/) });
    expect(await db().user.count({ where: { email: invitation!.email } })).toBe(1);
    expect(await db().membership.count({ where: { groupId: group.id, user: { email: invitation!.email } } })).toBe(1);
  });
});
