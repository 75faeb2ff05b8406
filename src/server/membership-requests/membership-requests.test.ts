import { describe, expect, it } from "vitest";
import { getDb } from "@/server/db";
import { addMember, callerFor, makeGroup, makeUser } from "@/server/test/factories";

const db = () => getDb();

async function scene() {
  const group = await makeGroup({ name: `Allotment ${Math.random().toString(36).slice(2, 8)}` });
  const [admin, secondAdmin, member, guest, applicant] = await Promise.all([
    makeUser({ name: "Ada Admin" }),
    makeUser(),
    makeUser(),
    makeUser(),
    makeUser({ name: "Paz Applicant" }),
  ]);
  await addMember(group.id, admin.id, "admin");
  await addMember(group.id, secondAdmin.id, "admin");
  await addMember(group.id, member.id, "member");
  await addMember(group.id, guest.id, "guest");
  return { group, admin, secondAdmin, member, guest, applicant };
}

const ask = (userId: string, groupId: string, introduction?: string) =>
  callerFor(userId).caller.membershipRequest.create({ groupId, introduction });

describe("membershipRequest.create", () => {
  it("records the request and emails every admin of the group", async () => {
    const { group, admin, secondAdmin, member, applicant } = await scene();

    const request = await ask(applicant.id, group.id, "I run the seed library.");

    expect(request).toMatchObject({ status: "pending", introduction: "I run the seed library.", response: "", decidedAt: null });
    const mails = await db().outboxMessage.findMany({ where: { subject: { contains: group.name } } });
    expect(mails.map(({ to }) => to).sort()).toEqual([admin.email, secondAdmin.email].sort());
    expect(mails[0]!.subject).toBe(`Paz Applicant asks to join ${group.name}`);
    expect(mails[0]!.text).toContain("I run the seed library.");
    expect(mails[0]!.text).toContain(`/groups/${group.handle}/requests`);
    expect(mails.some(({ to }) => to === member.email)).toBe(false);
  });

  it("allows one pending request per person and group", async () => {
    const { group, applicant } = await scene();
    await ask(applicant.id, group.id);
    await expect(ask(applicant.id, group.id)).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("already asked") });
    expect(await db().membershipRequest.count({ where: { userId: applicant.id } })).toBe(1);
  });

  it("tells members and guests they already belong, and needs a signed-in caller and a real group", async () => {
    const { group, member, guest, applicant } = await scene();
    await expect(ask(member.id, group.id)).rejects.toMatchObject({ code: "CONFLICT", message: "You are already a member of this group." });
    await expect(ask(guest.id, group.id)).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(callerFor(null).caller.membershipRequest.create({ groupId: group.id })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(ask(applicant.id, "no-such-group")).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db().membershipRequest.count({ where: { groupId: group.id } })).toBe(0);
  });
});

describe("membershipRequest.list", () => {
  it("shows admins the requests with the person's address, filtered by status", async () => {
    const { group, admin, applicant } = await scene();
    const other = await makeUser({ name: "Olu Other" });
    const pending = await ask(applicant.id, group.id, "Hello");
    const declined = await ask(other.id, group.id);
    await callerFor(admin.id).caller.membershipRequest.decline({ id: declined.id, message: "Not now" });
    const { caller } = callerFor(admin.id);

    const waiting = await caller.membershipRequest.list({ groupId: group.id, status: "pending" });
    expect(waiting).toEqual({
      items: [
        {
          id: pending.id,
          person: { id: applicant.id, name: "Paz Applicant", email: applicant.email },
          introduction: "Hello",
          status: "pending",
          createdAt: pending.createdAt,
          response: "",
          decidedBy: null,
          decidedAt: null,
        },
      ],
      nextCursor: null,
    });
    const decided = await caller.membershipRequest.list({ groupId: group.id, status: "decided" });
    expect(decided.items).toEqual([
      expect.objectContaining({ id: declined.id, status: "declined", response: "Not now", decidedBy: { id: admin.id, name: "Ada Admin" } }),
    ]);
    expect((await caller.membershipRequest.list({ groupId: group.id })).items).toHaveLength(2);
  });

  it("is for admins only", async () => {
    const { group, member, guest, applicant } = await scene();
    const list = (userId: string | null) => callerFor(userId).caller.membershipRequest.list({ groupId: group.id });
    await expect(list(member.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(list(guest.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(list(applicant.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(list(null)).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});

describe("membershipRequest.approve and decline", () => {
  it("approves: adds the person as a member, records the decision, publishes and emails them", async () => {
    const { group, admin, applicant } = await scene();
    const request = await ask(applicant.id, group.id);
    const { caller, published } = callerFor(admin.id);

    await expect(caller.membershipRequest.approve({ id: request.id, message: "Welcome aboard" })).resolves.toEqual({
      id: request.id,
      status: "approved",
    });

    await expect(
      db().membership.findUniqueOrThrow({ where: { userId_groupId: { userId: applicant.id, groupId: group.id } } }),
    ).resolves.toMatchObject({ role: "member", invitedById: admin.id });
    await expect(db().membershipRequest.findUniqueOrThrow({ where: { id: request.id } })).resolves.toMatchObject({
      status: "approved",
      response: "Welcome aboard",
      decidedById: admin.id,
      decidedAt: expect.any(Date),
    });
    expect(published).toEqual([
      {
        name: "membership.added",
        room: `user:${applicant.id}`,
        payload: { userId: applicant.id, group: expect.objectContaining({ id: group.id, role: "member" }) },
      },
    ]);
    const mail = await db().outboxMessage.findFirstOrThrow({ where: { to: applicant.email } });
    expect(mail.subject).toBe(`You have joined ${group.name}`);
    expect(mail.text).toContain("Welcome aboard");
    await expect(callerFor(applicant.id).caller.membershipRequest.mine({ groupId: group.id })).resolves.toMatchObject({
      status: "approved",
      response: "Welcome aboard",
    });
  });

  it("declines: records the message, adds no membership, and lets the person ask again later", async () => {
    const { group, admin, applicant } = await scene();
    const request = await ask(applicant.id, group.id);
    const { caller, published } = callerFor(admin.id);

    await caller.membershipRequest.decline({ id: request.id, message: "We are full this season" });

    expect(published).toEqual([]);
    expect(await db().membership.count({ where: { userId: applicant.id } })).toBe(0);
    const mail = await db().outboxMessage.findFirstOrThrow({ where: { to: applicant.email } });
    expect(mail.text).toContain("We are full this season");
    await expect(callerFor(applicant.id).caller.membershipRequest.mine({ groupId: group.id })).resolves.toMatchObject({
      status: "declined",
      response: "We are full this season",
    });
    await expect(ask(applicant.id, group.id)).resolves.toMatchObject({ status: "pending" });
  });

  it("refuses a request already decided, changing nothing", async () => {
    const { group, admin, secondAdmin, applicant } = await scene();
    const request = await ask(applicant.id, group.id);
    await callerFor(admin.id).caller.membershipRequest.decline({ id: request.id });
    await expect(callerFor(secondAdmin.id).caller.membershipRequest.approve({ id: request.id })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "This request was already declined.",
    });
    expect(await db().membership.count({ where: { userId: applicant.id } })).toBe(0);
    await expect(db().membershipRequest.findUniqueOrThrow({ where: { id: request.id } })).resolves.toMatchObject({
      decidedById: admin.id,
    });
  });

  it("is for admins of the group only", async () => {
    const { group, member, guest, applicant } = await scene();
    const request = await ask(applicant.id, group.id);
    const stranger = await makeUser();
    for (const verb of ["approve", "decline"] as const) {
      await expect(callerFor(member.id).caller.membershipRequest[verb]({ id: request.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(callerFor(guest.id).caller.membershipRequest[verb]({ id: request.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(callerFor(stranger.id).caller.membershipRequest[verb]({ id: request.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(callerFor(applicant.id).caller.membershipRequest[verb]({ id: request.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(callerFor(null).caller.membershipRequest[verb]({ id: request.id })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    }
    await expect(db().membershipRequest.findUniqueOrThrow({ where: { id: request.id } })).resolves.toMatchObject({ status: "pending" });
  });
});

describe("membershipRequest.mine", () => {
  it("gives the caller's latest request or null, and nothing for an unknown group", async () => {
    const { group, applicant } = await scene();
    const { caller } = callerFor(applicant.id);
    await expect(caller.membershipRequest.mine({ groupId: group.id })).resolves.toBeNull();
    const request = await ask(applicant.id, group.id, "Hi");
    await expect(caller.membershipRequest.mine({ groupId: group.id })).resolves.toMatchObject({ id: request.id, status: "pending" });
    await expect(caller.membershipRequest.mine({ groupId: "no-such-group" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(callerFor(null).caller.membershipRequest.mine({ groupId: group.id })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});
