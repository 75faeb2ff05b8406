import { describe, expect, it } from "vitest";
import { getDb } from "@/server/db";
import { addMembership } from "@/server/members/add-membership";
import { addMember, makeGroup, makeUser } from "@/server/test/factories";

async function rolesOf(userId: string) {
  const memberships = await getDb().membership.findMany({ where: { userId }, select: { groupId: true, role: true } });
  return Object.fromEntries(memberships.map(({ groupId, role }) => [groupId, role]));
}

describe("addMembership", () => {
  it("adds a member of a sub-subgroup to every ancestor as a member and returns each group joined", async () => {
    const [person, inviter] = [await makeUser(), await makeUser()];
    const top = await makeGroup({ name: "Top" });
    const middle = await makeGroup({ name: "Middle", parentId: top.id });
    const leaf = await makeGroup({ name: "Leaf", parentId: middle.id });

    const joined = await addMembership(getDb(), { userId: person.id, groupId: leaf.id, role: "admin", invitedById: inviter.id });

    expect(joined.map(({ name, role }) => ({ name, role }))).toEqual([
      { name: "Leaf", role: "admin" },
      { name: "Middle", role: "member" },
      { name: "Top", role: "member" },
    ]);
    expect(joined[0]).toMatchObject({ id: leaf.id, handle: leaf.handle, memberCount: 1, parentId: middle.id, logoUrl: null });
    expect(await rolesOf(person.id)).toEqual({ [top.id]: "member", [middle.id]: "member", [leaf.id]: "admin" });
  });

  it("keeps existing ancestor memberships, raising only a guest to member", async () => {
    const person = await makeUser();
    const top = await makeGroup();
    const middle = await makeGroup({ parentId: top.id });
    const leaf = await makeGroup({ parentId: middle.id });
    await addMember(top.id, person.id, "admin");
    await addMember(middle.id, person.id, "guest");

    const joined = await addMembership(getDb(), { userId: person.id, groupId: leaf.id, role: "member" });

    expect(joined.map(({ id }) => id).sort()).toEqual([leaf.id, middle.id].sort());
    expect(await rolesOf(person.id)).toEqual({ [top.id]: "admin", [middle.id]: "member", [leaf.id]: "member" });
  });

  it("adds a guest to the subgroup only", async () => {
    const person = await makeUser();
    const top = await makeGroup();
    const sub = await makeGroup({ parentId: top.id });

    const joined = await addMembership(getDb(), { userId: person.id, groupId: sub.id, role: "guest" });

    expect(joined.map(({ id, role }) => ({ id, role }))).toEqual([{ id: sub.id, role: "guest" }]);
    expect(await rolesOf(person.id)).toEqual({ [sub.id]: "guest" });
  });

  it("refuses someone already in the group and changes nothing", async () => {
    const person = await makeUser({ name: "Priya Shah" });
    const top = await makeGroup();
    const sub = await makeGroup({ parentId: top.id });
    await addMember(sub.id, person.id, "guest");

    await expect(addMembership(getDb(), { userId: person.id, groupId: sub.id, role: "member" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "Priya Shah is already a member of this group.",
    });
    expect(await rolesOf(person.id)).toEqual({ [sub.id]: "guest" });
  });

  it("works inside a caller's transaction and rolls back with it", async () => {
    const person = await makeUser();
    const top = await makeGroup();
    const sub = await makeGroup({ parentId: top.id });

    await expect(
      getDb().$transaction(async (tx) => {
        await addMembership(tx, { userId: person.id, groupId: sub.id, role: "member" });
        throw new Error("abandon");
      }),
    ).rejects.toThrow("abandon");
    expect(await rolesOf(person.id)).toEqual({});
  });

  it("refuses a group that does not exist", async () => {
    const person = await makeUser();
    await expect(addMembership(getDb(), { userId: person.id, groupId: "missing", role: "member" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
