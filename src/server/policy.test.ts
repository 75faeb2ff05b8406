import { describe, expect, it } from "vitest";
import {
  assignableRoles,
  canInGroup,
  canOnSite,
  documentsVisibleToWhere,
  GROUP_PERMISSIONS,
  membershipsAllowedWhere,
  pollsVisibleToWhere,
  rolesAlwaysAllowed,
  threadsVisibleToWhere,
  threadViewersWhere,
  type GroupStanding,
  type Role,
} from "@/server/policy";

const settings = { membersCanInvite: false, membersCanPropose: true, membersCanAddResources: false };
const as = (role: GroupStanding["role"], overrides: Partial<typeof settings> = {}): GroupStanding => ({
  role,
  settings: { ...settings, ...overrides },
});

describe("group permissions", () => {
  it("keeps the member list from guests and outsiders", () => {
    expect(canInGroup(as("member"), "group.viewMembers")).toBe(true);
    expect(canInGroup(as("guest"), "group.viewMembers")).toBe(false);
    expect(canInGroup(as(null), "group.viewMembers")).toBe(false);
    expect(canInGroup(as("guest"), "group.view")).toBe(true);
  });

  it("lets members invite only when the group allows it, and never as admin", () => {
    expect(canInGroup(as("member"), "invitation.create")).toBe(false);
    expect(canInGroup(as("member", { membersCanInvite: true }), "invitation.create")).toBe(true);
    expect(canInGroup(as("guest", { membersCanInvite: true }), "invitation.create")).toBe(false);
    expect(assignableRoles(as("member", { membersCanInvite: true }))).toEqual(["member", "guest"]);
    expect(assignableRoles(as("admin"))).toEqual(["admin", "member", "guest"]);
    expect(assignableRoles(as("member"))).toEqual([]);
  });

  it("reserves management to admins", () => {
    for (const action of [
      "group.update",
      "member.manage",
      "membershipRequest.decide",
      "invitation.manageAll",
      "member.sendClaimLink",
      "thread.restoreAttachment",
    ] as const) {
      expect(canInGroup(as("admin"), action)).toBe(true);
      expect(canInGroup(as("member", { membersCanInvite: true, membersCanPropose: true }), action)).toBe(false);
    }
  });

  it("lets only admins download all of a group's data, whatever the group allows members", () => {
    const generous = { membersCanInvite: true, membersCanPropose: true, membersCanAddResources: true };
    expect(canInGroup(as("admin"), "group.export")).toBe(true);
    for (const role of ["member", "guest", null] as const) expect(canInGroup(as(role, generous), "group.export")).toBe(false);
  });
});

describe("filters derived from the table", () => {
  /** Runs `check` while the table gives `action` to other roles, as a change to the table would. */
  function withRoles(action: keyof typeof GROUP_PERMISSIONS, roles: Role[], check: () => void) {
    const rule = GROUP_PERMISSIONS[action] as { roles: readonly Role[] };
    const original = rule.roles;
    rule.roles = roles;
    try {
      check();
    } finally {
      rule.roles = original;
    }
  }

  it("list exactly the roles the table allows, and follow it when it changes", () => {
    const expected = (roles: readonly Role[]) => ({
      memberships: { role: { in: roles } },
      threads: {
        OR: [
          { group: { memberships: { some: { userId: "u1", role: { in: roles } } } } },
          { group: { memberships: { some: { userId: "u1", role: "guest" } } }, guests: { some: { userId: "u1" } } },
        ],
      },
      viewers: {
        OR: [
          { memberships: { some: { groupId: "g1", role: { in: roles } } } },
          { memberships: { some: { groupId: "g1", role: "guest" } }, threadGuestOf: { some: { threadId: "t1" } } },
        ],
      },
    });
    const actual = () => ({
      memberships: membershipsAllowedWhere("thread.viewAll"),
      threads: threadsVisibleToWhere("u1"),
      viewers: threadViewersWhere({ id: "t1", groupId: "g1" }),
    });

    expect(actual()).toEqual(expected(rolesAlwaysAllowed("thread.viewAll")));
    withRoles("thread.viewAll", ["admin"], () => expect(actual()).toEqual(expected(["admin"])));
  });

  it("show polls and documents to the roles the table allows, and to guests only what they were invited to", () => {
    const polls = (roles: readonly Role[]) => ({
      OR: [
        { group: { memberships: { some: { userId: "u1", role: { in: roles } } } } },
        {
          group: { memberships: { some: { userId: "u1", role: "guest" } } },
          OR: [{ voters: { some: { userId: "u1" } } }, { thread: { guests: { some: { userId: "u1" } } } }],
        },
      ],
    });
    const documents = (roles: readonly Role[]) => ({
      OR: [
        { group: { memberships: { some: { userId: "u1", role: { in: roles } } } } },
        { group: { memberships: { some: { userId: "u1", role: "guest" } } }, guests: { some: { userId: "u1" } } },
      ],
    });
    expect(pollsVisibleToWhere("u1")).toEqual(polls(rolesAlwaysAllowed("thread.viewAll")));
    expect(documentsVisibleToWhere("u1")).toEqual(documents(rolesAlwaysAllowed("document.viewAll")));
    withRoles("thread.viewAll", ["admin"], () => expect(pollsVisibleToWhere("u1")).toEqual(polls(["admin"])));
    withRoles("document.viewAll", ["admin"], () => expect(documentsVisibleToWhere("u1")).toEqual(documents(["admin"])));
  });

  it("let members in through the group's setting, as canInGroup does", () => {
    expect(membershipsAllowedWhere("poll.create")).toEqual({
      OR: [{ role: { in: ["admin"] } }, { role: "member", group: { membersCanPropose: true } }],
    });
  });
});

describe("site permissions", () => {
  const nobody = null;
  const staff = { isAdmin: false, adminOfAnyGroup: true };
  const siteAdmin = { isAdmin: true, adminOfAnyGroup: false };
  const member = { isAdmin: false, adminOfAnyGroup: false };

  it("allows set-up only while there are no users", () => {
    expect(canOnSite(nobody, "site.setup", { userCount: 0 })).toBe(true);
    expect(canOnSite(siteAdmin, "site.setup", { userCount: 1 })).toBe(false);
  });

  it("separates the instance administrator, staff and members", () => {
    expect(canOnSite(siteAdmin, "site.createGroup")).toBe(true);
    expect(canOnSite(staff, "site.createGroup")).toBe(false);
    expect(canOnSite(staff, "organisation.manage")).toBe(true);
    expect(canOnSite(member, "organisation.manage")).toBe(false);
    expect(canOnSite(member, "organisation.view")).toBe(true);
    expect(canOnSite(nobody, "organisation.view")).toBe(false);
    expect(canOnSite({ ...member, guestEverywhere: true }, "organisation.view")).toBe(false);
    expect(canOnSite({ ...siteAdmin, guestEverywhere: true }, "organisation.view")).toBe(true);
    expect(canOnSite(staff, "site.readOutbox")).toBe(false);
    expect(canOnSite(siteAdmin, "import.run")).toBe(true);
    expect(canOnSite(staff, "import.run")).toBe(false);
    expect(canOnSite(member, "import.run")).toBe(false);
  });
});
