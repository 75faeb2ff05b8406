import { describe, expect, it } from "vitest";
import { getDb } from "@/server/db";
import { addMember, callerFor, makeGroup, makeUser } from "@/server/test/factories";

describe("group.create", () => {
  it("lets the instance administrator create a top-level group, making them its admin", async () => {
    const admin = await makeUser({ isAdmin: true });
    const { caller, published } = callerFor(admin.id);

    const group = await caller.group.create({ name: "Carers' Café Network", description: "Monthly **cafés**" });

    expect(group).toMatchObject({
      name: "Carers' Café Network",
      handle: "carers-cafe-network",
      description: "Monthly **cafés**",
      parentId: null,
      role: "admin",
      memberCount: 1,
      logoUrl: null,
    });
    expect(published).toEqual([
      { name: "membership.added", room: `user:${admin.id}`, payload: { userId: admin.id, group } },
    ]);
  });

  it("adds a numeric suffix when the handle made from the name is taken", async () => {
    const admin = await makeUser({ isAdmin: true });
    const { caller } = callerFor(admin.id);
    const name = `Garden ${crypto.randomUUID().slice(0, 6)}`;
    const first = await caller.group.create({ name });
    const second = await caller.group.create({ name });
    const third = await caller.group.create({ name });
    expect([second.handle, third.handle]).toEqual([`${first.handle}-2`, `${first.handle}-3`]);
  });

  it("falls back to a generic handle for a name with no Latin letters", async () => {
    const admin = await makeUser({ isAdmin: true });
    const group = await callerFor(admin.id).caller.group.create({ name: "Группа" });
    expect(group.handle).toMatch(/^group(-\d+)?$/);
  });

  it("refuses a handle that is taken, naming it", async () => {
    const admin = await makeUser({ isAdmin: true });
    const existing = await makeGroup();
    await expect(callerFor(admin.id).caller.group.create({ name: "Another", handle: existing.handle })).rejects.toMatchObject({
      code: "CONFLICT",
      message: `The handle “${existing.handle}” is already taken. Choose another.`,
    });
  });

  it("lower-cases a given handle and refuses malformed ones", async () => {
    const admin = await makeUser({ isAdmin: true });
    const { caller } = callerFor(admin.id);
    const handle = `Mixed-Case-${crypto.randomUUID().slice(0, 6)}`;
    await expect(caller.group.create({ name: "Mixed", handle })).resolves.toMatchObject({ handle: handle.toLowerCase() });
    for (const bad of ["a", "-leading", "double--hyphen", "under_score", "x".repeat(41)]) {
      await expect(caller.group.create({ name: "Bad", handle: bad })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    }
    await expect(caller.group.create({ name: "   " })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("refuses top-level groups to everyone but the instance administrator, group admins included", async () => {
    const groupAdmin = await makeUser();
    await addMember((await makeGroup()).id, groupAdmin.id, "admin");
    await expect(callerFor(groupAdmin.id).caller.group.create({ name: "Mine" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerFor(null).caller.group.create({ name: "Mine" })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("lets admins of a group create a subgroup in it", async () => {
    const admin = await makeUser();
    const parent = await makeGroup();
    await addMember(parent.id, admin.id, "admin");
    const { caller, published } = callerFor(admin.id);

    const sub = await caller.group.create({ name: "Vision drafting", parentId: parent.id });

    expect(sub).toMatchObject({ parentId: parent.id, role: "admin", memberCount: 1 });
    expect(published.map((event) => event.name)).toEqual(["membership.added"]);
    const roles = await getDb().membership.findMany({ where: { userId: admin.id }, select: { groupId: true, role: true } });
    expect(roles).toHaveLength(2);
  });

  it("lets admins of a subgroup nest one more level", async () => {
    const admin = await makeUser();
    const top = await makeGroup();
    const middle = await makeGroup({ parentId: top.id });
    await addMember(top.id, admin.id, "member");
    await addMember(middle.id, admin.id, "admin");
    const leaf = await callerFor(admin.id).caller.group.create({ name: "Leaf", parentId: middle.id });
    expect(leaf.parentId).toBe(middle.id);
  });

  it("refuses subgroups to members and guests, and hides the parent from outsiders", async () => {
    const [member, guest, outsider] = [await makeUser(), await makeUser(), await makeUser({ isAdmin: true })];
    const parent = await makeGroup();
    await addMember(parent.id, member.id, "member");
    await addMember(parent.id, guest.id, "guest");
    const input = { name: "Sub", parentId: parent.id };
    await expect(callerFor(member.id).caller.group.create(input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerFor(guest.id).caller.group.create(input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerFor(outsider.id).caller.group.create(input)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
