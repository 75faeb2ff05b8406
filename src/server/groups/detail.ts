import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import type { GroupDetail } from "@/server/groups/schemas";
import { myRolesInAncestors } from "@/server/groups/ancestry";
import { getSiteActor } from "@/server/groups/site-actor";
import { imageUrl } from "@/server/images/service";
import { cookMarkdown } from "@/server/markdown/cook";
import { parseVotingRuleDefaults } from "@/server/polls/voting-rules";
import { canInGroup, canViewGroupOutline, GROUP_SETTINGS_SELECT, groupSettingsOf, NO_GROUP_SETTINGS, type GroupStanding } from "@/server/policy";

const NO_PERMISSIONS: GroupDetail["permissions"] = {
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
};

/**
 * A group's page as the caller may see it. Members see everything; guests see the group but not
 * who belongs; a signed-in outsider sees only the name and handle, enough to ask to join.
 */
export async function getGroupDetail(db: Db, userId: string, where: { id: string } | { handle: string }): Promise<GroupDetail> {
  const group = await db.group.findUnique({
    where: "id" in where ? { id: where.id } : { handle: where.handle },
    select: {
      id: true,
      name: true,
      handle: true,
      description: true,
      logoId: true,
      votingRuleDefaults: true,
      ...GROUP_SETTINGS_SELECT,
      parent: { select: { id: true, name: true, handle: true } },
      subgroups: {
        select: { id: true, name: true, handle: true, memberships: { where: { userId }, select: { role: true } } },
        orderBy: { name: "asc" },
      },
      memberships: { where: { userId }, select: { role: true } },
      _count: { select: { memberships: true } },
    },
  });
  if (!group) throw new AppError("NOT_FOUND", "That group does not exist.");
  const settings = groupSettingsOf(group);
  const standing: GroupStanding = { role: group.memberships[0]?.role ?? null, settings };

  if (!canInGroup(standing, "group.view")) {
    const [actor, rolesInAncestors] = await Promise.all([getSiteActor(db, userId), myRolesInAncestors(db, userId, group.id)]);
    if (!canViewGroupOutline(actor, { rolesInAncestors })) throw new AppError("NOT_FOUND", "That group does not exist.");
    return {
      id: group.id,
      name: group.name,
      handle: group.handle,
      description: "",
      descriptionHtml: "",
      logoUrl: null,
      parent: null,
      subgroups: [],
      settings: NO_GROUP_SETTINGS,
      votingRuleDefaults: {},
      myRole: null,
      memberCount: null,
      permissions: NO_PERMISSIONS,
    };
  }

  const canViewDocuments = canInGroup(standing, "document.viewAll") || (await invitedToAnyDocument(db, userId, group.id));
  const seesAllSubgroups = canInGroup(standing, "group.viewSubgroups");
  const canViewMembers = canInGroup(standing, "group.viewMembers");
  return {
    id: group.id,
    name: group.name,
    handle: group.handle,
    description: group.description,
    descriptionHtml: cookMarkdown(group.description),
    logoUrl: imageUrl(group.logoId),
    parent: group.parent,
    subgroups: group.subgroups
      .map(({ memberships, ...subgroup }) => ({ ...subgroup, myRole: memberships[0]?.role ?? null }))
      .filter((subgroup) => seesAllSubgroups || subgroup.myRole !== null),
    settings,
    votingRuleDefaults: parseVotingRuleDefaults(group.votingRuleDefaults),
    myRole: standing.role,
    memberCount: canViewMembers ? group._count.memberships : null,
    permissions: {
      canUpdate: canInGroup(standing, "group.update"),
      canViewMembers,
      canInvite: canInGroup(standing, "invitation.create"),
      canManageMembers: canInGroup(standing, "member.manage"),
      canDecideRequests: canInGroup(standing, "membershipRequest.decide"),
      canCreateSubgroup: canInGroup(standing, "group.createSubgroup"),
      canCreatePoll: canInGroup(standing, "poll.create"),
      canCreateThread: canInGroup(standing, "thread.create"),
      canViewMeetings: canInGroup(standing, "meeting.view"),
      canViewResources: canInGroup(standing, "resource.view"),
      canViewDocuments,
    },
  };
}

/** Guests see only what they were invited to: a Documents section only when there is a document of theirs in it. */
async function invitedToAnyDocument(db: Db, userId: string, groupId: string): Promise<boolean> {
  const invited = await db.documentGuest.findFirst({ where: { userId, document: { groupId } }, select: { documentId: true } });
  return invited !== null;
}
