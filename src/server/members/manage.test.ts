import { describe, expect, it } from "vitest";
import { getDb } from "@/server/db";
import { addMember, callerFor, makeGroup, makeOrganisation, makeUser } from "@/server/test/factories";

async function rolesOf(userId: string) {
  const memberships = await getDb().membership.findMany({ where: { userId }, select: { groupId: true, role: true } });
  return Object.fromEntries(memberships.map(({ groupId, role }) => [groupId, role]));
}

async function steering() {
  const [admin, member, guest, outsider] = [await makeUser(), await makeUser({ name: "Priya Shah" }), await makeUser(), await makeUser()];
  const group = await makeGroup({ name: "Steering" });
  await addMember(group.id, admin.id, "admin");
  await addMember(group.id, member.id, "member");
  await addMember(group.id, guest.id, "guest");
  return { group, admin, member, guest, outsider };
}

describe("member.setRole", () => {
  it("lets an admin promote a member to admin", async () => {
    const { group, admin, member } = await steering();
    await expect(callerFor(admin.id).caller.member.setRole({ groupId: group.id, userId: member.id, role: "admin" })).resolves.toEqual({
      groupId: group.id,
      userId: member.id,
      role: "admin",
    });
    expect(await rolesOf(member.id)).toEqual({ [group.id]: "admin" });
  });

  it("never demotes the last admin, who may step down once there is another", async () => {
    const { group, admin, member } = await steering();
    const { caller } = callerFor(admin.id);
    await expect(caller.member.setRole({ groupId: group.id, userId: admin.id, role: "member" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "A group needs at least one admin. Make someone else an admin first.",
    });
    await caller.member.setRole({ groupId: group.id, userId: member.id, role: "admin" });
    await caller.member.setRole({ groupId: group.id, userId: admin.id, role: "member" });
    expect(await rolesOf(admin.id)).toEqual({ [group.id]: "member" });
  });

  it("makes a guest raised to member in a subgroup a member of its parent too, and says so", async () => {
    const { group, admin } = await steering();
    const sub = await makeGroup({ name: "Sub", parentId: group.id });
    await addMember(sub.id, admin.id, "admin");
    const outsiderGuest = await makeUser();
    await addMember(sub.id, outsiderGuest.id, "guest");
    const { caller, published } = callerFor(admin.id);

    await caller.member.setRole({ groupId: sub.id, userId: outsiderGuest.id, role: "member" });

    expect(await rolesOf(outsiderGuest.id)).toEqual({ [group.id]: "member", [sub.id]: "member" });
    expect(published[0]).toMatchObject({
      name: "membership.added",
      room: `user:${outsiderGuest.id}`,
      payload: { userId: outsiderGuest.id, group: { id: group.id, role: "member" } },
    });
  });

  it("refuses to make a subgroup member a guest of the parent", async () => {
    const { group, admin, member } = await steering();
    const sub = await makeGroup({ name: "Vision", parentId: group.id });
    await addMember(sub.id, member.id, "member");
    await expect(callerFor(admin.id).caller.member.setRole({ groupId: group.id, userId: member.id, role: "guest" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "Priya Shah is a member of the subgroup “Vision”. Remove them from it, or make them a guest there, first.",
    });
  });

  it("refuses members and guests, hides the group from outsiders, and rejects people not in it", async () => {
    const { group, admin, member, guest, outsider } = await steering();
    const input = { groupId: group.id, userId: guest.id, role: "admin" as const };
    await expect(callerFor(member.id).caller.member.setRole(input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerFor(guest.id).caller.member.setRole(input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerFor(outsider.id).caller.member.setRole(input)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(callerFor(null).caller.member.setRole(input)).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(
      callerFor(admin.id).caller.member.setRole({ groupId: group.id, userId: outsider.id, role: "member" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("member.remove", () => {
  it("removes someone from the group and its subgroups, publishing each group they left", async () => {
    const { group, admin, member } = await steering();
    const sub = await makeGroup({ parentId: group.id });
    const subSub = await makeGroup({ parentId: sub.id });
    await addMember(sub.id, member.id, "member");
    await addMember(subSub.id, member.id, "guest");
    await addMember(subSub.id, admin.id, "admin");
    const { caller, published } = callerFor(admin.id);

    const { groupIds } = await caller.member.remove({ groupId: group.id, userId: member.id });

    expect(groupIds.sort()).toEqual([group.id, sub.id, subSub.id].sort());
    expect(await rolesOf(member.id)).toEqual({});
    expect(published.map((event) => [event.name, event.room, (event.payload as { groupId: string }).groupId]).sort()).toEqual(
      groupIds.map((id) => ["membership.removed", `user:${member.id}`, id]).sort(),
    );
    expect(await getDb().user.findUnique({ where: { id: member.id }, select: { id: true } })).not.toBeNull();
  });

  it("refuses to remove the last admin of the group or of one of its subgroups", async () => {
    const { group, admin, member } = await steering();
    const { caller } = callerFor(admin.id);
    await expect(caller.member.remove({ groupId: group.id, userId: admin.id })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "A group needs at least one admin. Make someone else an admin of “Steering” first.",
    });
    const sub = await makeGroup({ name: "Vision", parentId: group.id });
    await addMember(sub.id, member.id, "admin");
    await expect(caller.member.remove({ groupId: group.id, userId: member.id })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "Priya Shah is the only admin of the subgroup “Vision”. Make someone else an admin there first.",
    });
    expect(await rolesOf(member.id)).toEqual({ [group.id]: "member", [sub.id]: "admin" });
  });

  it("refuses members, guests and outsiders", async () => {
    const { group, member, guest, outsider } = await steering();
    const input = { groupId: group.id, userId: guest.id };
    await expect(callerFor(member.id).caller.member.remove(input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerFor(guest.id).caller.member.remove({ groupId: group.id, userId: member.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(callerFor(outsider.id).caller.member.remove(input)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("member.leave", () => {
  it("lets a member or guest leave, with its subgroups", async () => {
    const { group, member, guest } = await steering();
    const sub = await makeGroup({ parentId: group.id });
    await addMember(sub.id, member.id, "member");
    const { caller, published } = callerFor(member.id);
    expect((await caller.member.leave({ groupId: group.id })).groupIds.sort()).toEqual([group.id, sub.id].sort());
    expect(published).toHaveLength(2);
    await callerFor(guest.id).caller.member.leave({ groupId: group.id });
    expect(await rolesOf(guest.id)).toEqual({});
  });

  it("tells the last admin to hand over first", async () => {
    const { group, admin } = await steering();
    await expect(callerFor(admin.id).caller.member.leave({ groupId: group.id })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "You are the only admin of “Steering”. Make someone else an admin before you leave.",
    });
  });

  it("answers NOT_FOUND to outsiders", async () => {
    const { group, outsider } = await steering();
    await expect(callerFor(outsider.id).caller.member.leave({ groupId: group.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("member.setOrganisation", () => {
  it("lets anyone set and clear their own organisation", async () => {
    const person = await makeUser();
    const organisation = await makeOrganisation();
    const { caller } = callerFor(person.id);
    await expect(caller.member.setOrganisation({ userId: person.id, organisationId: organisation.id })).resolves.toEqual({
      userId: person.id,
      organisation,
    });
    await expect(caller.member.setOrganisation({ userId: person.id, organisationId: null })).resolves.toEqual({
      userId: person.id,
      organisation: null,
    });
  });

  it("lets staff set anyone's, and nobody else", async () => {
    const { admin, member } = await steering();
    const organisation = await makeOrganisation();
    await callerFor(admin.id).caller.member.setOrganisation({ userId: member.id, organisationId: organisation.id });
    expect((await getDb().user.findUniqueOrThrow({ where: { id: member.id } })).organisationId).toBe(organisation.id);
    const other = await makeUser();
    await expect(
      callerFor(member.id).caller.member.setOrganisation({ userId: other.id, organisationId: null }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerFor(null).caller.member.setOrganisation({ userId: member.id, organisationId: null })).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
  });

  it("refuses an organisation or person that does not exist", async () => {
    const siteAdmin = await makeUser({ isAdmin: true });
    const { caller } = callerFor(siteAdmin.id);
    await expect(caller.member.setOrganisation({ userId: siteAdmin.id, organisationId: "missing" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(caller.member.setOrganisation({ userId: "missing", organisationId: null })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
