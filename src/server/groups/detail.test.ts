import { describe, expect, it } from "vitest";
import { getDb } from "@/server/db";
import { addMember, callerFor, makeGroup, makeUser } from "@/server/test/factories";

async function steeringWithSubgroups() {
  const [admin, member, guest, outsider] = [await makeUser(), await makeUser(), await makeUser(), await makeUser()];
  const top = await makeGroup({ name: "Steering" });
  await getDb().group.update({ where: { id: top.id }, data: { description: "We **steer**.", membersCanInvite: true } });
  const vision = await makeGroup({ name: "Vision", parentId: top.id });
  const events = await makeGroup({ name: "Events", parentId: top.id });
  await addMember(top.id, admin.id, "admin");
  await addMember(top.id, member.id, "member");
  await addMember(top.id, guest.id, "guest");
  await addMember(vision.id, member.id, "member");
  await addMember(events.id, guest.id, "guest");
  return { top, vision, events, admin, member, guest, outsider };
}

describe("group.byHandle and group.byId", () => {
  it("gives admins everything, with every permission", async () => {
    const { top, vision, events, admin } = await steeringWithSubgroups();
    const detail = await callerFor(admin.id).caller.group.byHandle({ handle: top.handle.toUpperCase() });
    expect(detail).toEqual({
      id: top.id,
      name: "Steering",
      handle: top.handle,
      description: "We **steer**.",
      descriptionHtml: "<p>We <strong>steer</strong>.</p>",
      logoUrl: null,
      parent: null,
      subgroups: [
        { id: events.id, name: "Events", handle: events.handle, myRole: null },
        { id: vision.id, name: "Vision", handle: vision.handle, myRole: null },
      ],
      settings: { membersCanInvite: true, membersCanPropose: true, membersCanAddResources: false },
      votingRuleDefaults: {},
      myRole: "admin",
      memberCount: 3,
      permissions: {
        canUpdate: true,
        canViewMembers: true,
        canInvite: true,
        canManageMembers: true,
        canDecideRequests: true,
        canCreateSubgroup: true,
        canCreatePoll: true,
        canCreateThread: true,
        canViewMeetings: true,
        canViewResources: true,
        canViewDocuments: true,
      },
    });
  });

  it("gives members the member count and what the settings allow them", async () => {
    const { top, member } = await steeringWithSubgroups();
    const detail = await callerFor(member.id).caller.group.byId({ id: top.id });
    expect(detail.memberCount).toBe(3);
    expect(detail.subgroups.map(({ name, myRole }) => ({ name, myRole }))).toEqual([
      { name: "Events", myRole: null },
      { name: "Vision", myRole: "member" },
    ]);
    expect(detail.permissions).toEqual({
      canUpdate: false,
      canViewMembers: true,
      canInvite: true,
      canManageMembers: false,
      canDecideRequests: false,
      canCreateSubgroup: false,
      canCreatePoll: true,
      canCreateThread: true,
      canViewMeetings: true,
      canViewResources: true,
      canViewDocuments: true,
    });
  });

  it("shows guests the group but not its members, and only their own subgroups", async () => {
    const { top, events, guest } = await steeringWithSubgroups();
    const detail = await callerFor(guest.id).caller.group.byId({ id: top.id });
    expect(detail).toMatchObject({ myRole: "guest", memberCount: null, description: "We **steer**." });
    expect(detail.subgroups.map(({ id }) => id)).toEqual([events.id]);
    expect(Object.values(detail.permissions).every((allowed) => !allowed)).toBe(true);
  });

  it("shows a subgroup's parent", async () => {
    const { top, vision, member } = await steeringWithSubgroups();
    const detail = await callerFor(member.id).caller.group.byId({ id: vision.id });
    expect(detail.parent).toEqual({ id: top.id, name: "Steering", handle: top.handle });
  });

  it("gives a signed-in outsider only the name and handle, so they can ask to join", async () => {
    const { top, outsider } = await steeringWithSubgroups();
    const detail = await callerFor(outsider.id).caller.group.byHandle({ handle: top.handle });
    expect(detail).toEqual({
      id: top.id,
      name: "Steering",
      handle: top.handle,
      description: "",
      descriptionHtml: "",
      logoUrl: null,
      parent: null,
      subgroups: [],
      settings: { membersCanInvite: false, membersCanPropose: false, membersCanAddResources: false },
      votingRuleDefaults: {},
      myRole: null,
      memberCount: null,
      permissions: {
        canUpdate: false,
        canViewMembers: false,
        canInvite: false,
        canManageMembers: false,
        canDecideRequests: false,
        canCreateSubgroup: false,
        canCreatePoll: false,
        canCreateThread: false,
        canViewMeetings: false,
        canViewResources: false,
        canViewDocuments: false,
      },
    });
  });

  it("answers NOT_FOUND for a group that does not exist, and UNAUTHORIZED when signed out", async () => {
    const { top, member } = await steeringWithSubgroups();
    await expect(callerFor(member.id).caller.group.byHandle({ handle: "no-such-group" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(callerFor(member.id).caller.group.byId({ id: "missing" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(callerFor(null).caller.group.byId({ id: top.id })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});
