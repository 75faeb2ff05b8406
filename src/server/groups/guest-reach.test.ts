import { describe, expect, it } from "vitest";
import { getDb } from "@/server/db";
import { groupRoomsOf } from "@/server/realtime/group-rooms";
import { addMember, callerFor, makeDocument, makeGroup, makeOrganisation, makeUser } from "@/server/test/factories";

/**
 * Guests see only what they were invited to: the abuse cases of issue #14, over every channel
 * that reaches a group (its page, asking to join, the organisations directory, group rooms).
 */
async function scene() {
  const [admin, guest, memberElsewhere, outsider] = [await makeUser(), await makeUser(), await makeUser(), await makeUser()];
  const top = await makeGroup({ name: "Steering" });
  const subgroup = await makeGroup({ name: "Budget", parentId: top.id });
  const elsewhere = await makeGroup({ name: "Allotment" });
  await addMember(top.id, admin.id, "admin");
  await addMember(subgroup.id, admin.id, "admin");
  await addMember(top.id, guest.id, "guest");
  // A guest of the steering group who belongs to another group as a member.
  await addMember(top.id, memberElsewhere.id, "guest");
  await addMember(elsewhere.id, memberElsewhere.id, "member");
  return { top, subgroup, elsewhere, admin, guest, memberElsewhere, outsider };
}

describe("a guest opening a group they are not in", () => {
  it("gets NOT_FOUND for a subgroup of the group they are a guest of, as for a group that is not there", async () => {
    const { subgroup, guest, memberElsewhere } = await scene();
    for (const person of [guest, memberElsewhere]) {
      await expect(callerFor(person.id).caller.group.byHandle({ handle: subgroup.handle })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(callerFor(person.id).caller.group.byId({ id: subgroup.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
  });

  it("gets NOT_FOUND for an unrelated group while they are a guest everywhere", async () => {
    const { elsewhere, guest } = await scene();
    await expect(callerFor(guest.id).caller.group.byHandle({ handle: elsewhere.handle })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("still gives an outsider with no groups, and a member of another group, the outline to ask to join", async () => {
    const { top, elsewhere, outsider, memberElsewhere } = await scene();
    await expect(callerFor(outsider.id).caller.group.byHandle({ handle: top.handle })).resolves.toMatchObject({ myRole: null });
    const other = await makeUser();
    await addMember(top.id, other.id, "member");
    await expect(callerFor(other.id).caller.group.byHandle({ handle: elsewhere.handle })).resolves.toMatchObject({ myRole: null });
    // Top-level groups have no group above them, so a guest there who is a member elsewhere may still find them.
    await expect(callerFor(memberElsewhere.id).caller.group.byHandle({ handle: top.handle })).resolves.toMatchObject({ myRole: "guest" });
  });
});

describe("membershipRequest.create from a guest", () => {
  it("refuses a guest of the group above with a message saying why, and records nothing", async () => {
    const { subgroup, guest, memberElsewhere } = await scene();
    await expect(callerFor(memberElsewhere.id).caller.membershipRequest.create({ groupId: subgroup.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringContaining("invited to the group above this one as a guest"),
    });
    await expect(callerFor(guest.id).caller.membershipRequest.create({ groupId: subgroup.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await getDb().membershipRequest.count({ where: { groupId: subgroup.id } })).toBe(0);
  });

  it("answers a guest everywhere asking to join an unrelated group as if it were not there", async () => {
    const { elsewhere, guest } = await scene();
    await expect(callerFor(guest.id).caller.membershipRequest.create({ groupId: elsewhere.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("still takes requests from outsiders", async () => {
    const { subgroup, outsider } = await scene();
    await expect(callerFor(outsider.id).caller.membershipRequest.create({ groupId: subgroup.id })).resolves.toMatchObject({
      status: "pending",
    });
  });
});

describe("the organisations directory", () => {
  it("is refused to people who are guests everywhere, and the menu is told so", async () => {
    const { guest } = await scene();
    await makeOrganisation();
    await expect(callerFor(guest.id).caller.organisation.list({})).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringContaining("As a guest you see only what you were invited to"),
    });
    expect((await callerFor(guest.id).caller.user.me()).canViewOrganisations).toBe(false);
  });

  it("stays open to a guest who is a member somewhere, and to people in no group yet", async () => {
    const { memberElsewhere, outsider } = await scene();
    for (const person of [memberElsewhere, outsider]) {
      await expect(callerFor(person.id).caller.organisation.list({})).resolves.toMatchObject({ items: expect.any(Array) });
      expect((await callerFor(person.id).caller.user.me()).canViewOrganisations).toBe(true);
    }
  });
});

describe("the Documents section for guests", () => {
  it("is offered to a guest only once they are invited to a document of the group", async () => {
    const { top, admin, guest } = await scene();
    const before = await callerFor(guest.id).caller.group.byId({ id: top.id });
    expect(before.permissions.canViewDocuments).toBe(false);
    await makeDocument({ groupId: top.id, createdById: admin.id, guestIds: [guest.id] });
    const after = await callerFor(guest.id).caller.group.byId({ id: top.id });
    expect(after.permissions.canViewDocuments).toBe(true);
    expect((await callerFor(admin.id).caller.group.byId({ id: top.id })).permissions.canViewDocuments).toBe(true);
  });
});

describe("live channels", () => {
  it("keeps guests out of the rooms of the groups they are guests of and of their subgroups", async () => {
    const { top, subgroup, elsewhere, guest, memberElsewhere } = await scene();
    expect(await groupRoomsOf(getDb(), guest.id)).toEqual([]);
    const rooms = await groupRoomsOf(getDb(), memberElsewhere.id);
    expect(rooms).toEqual([`group:${elsewhere.id}`]);
    expect(rooms).not.toContain(`group:${top.id}`);
    expect(rooms).not.toContain(`group:${subgroup.id}`);
  });
});
