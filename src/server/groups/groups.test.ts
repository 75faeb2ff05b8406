import { describe, expect, it } from "vitest";
import { orderParentsFirst } from "@/server/groups/service";
import { addMember, callerFor, makeGroup, makeUser } from "@/server/test/factories";

describe("group.list", () => {
  it("lists only the caller's groups, with their role and member count, subgroups after parents", async () => {
    const [priya, tom] = [await makeUser(), await makeUser()];
    const steering = await makeGroup({ name: "Steering" });
    const vision = await makeGroup({ name: "A vision subgroup", parentId: steering.id });
    const other = await makeGroup({ name: "Someone else's" });
    await addMember(steering.id, priya.id, "admin");
    await addMember(steering.id, tom.id, "member");
    await addMember(vision.id, priya.id, "member");
    await addMember(other.id, tom.id, "member");

    const groups = await callerFor(priya.id).caller.group.list();

    expect(groups.map(({ name, role, memberCount, parentId }) => ({ name, role, memberCount, parentId }))).toEqual([
      { name: "Steering", role: "admin", memberCount: 2, parentId: null },
      { name: "A vision subgroup", role: "member", memberCount: 1, parentId: steering.id },
    ]);
  });

  it("refuses a signed-out caller", async () => {
    await expect(callerFor(null).caller.group.list()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});

describe("orderParentsFirst", () => {
  it("puts every descendant after its parent, depth first, and keeps orphans as roots", () => {
    const groups = [
      { id: "c", parentId: "b" },
      { id: "a", parentId: null },
      { id: "b", parentId: "a" },
      { id: "x", parentId: "not-visible" },
      { id: "d", parentId: "a" },
    ];
    expect(orderParentsFirst(groups).map(({ id }) => id)).toEqual(["a", "b", "c", "d", "x"]);
  });
});
