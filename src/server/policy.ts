import type { Prisma } from "@/generated/prisma/client.ts";
import type { Role } from "@/generated/prisma/enums.ts";

export type { Role };

/**
 * Every allow/deny decision in Hearth lives here, as data plus small pure functions. Services
 * ask these functions and never name roles themselves; the authorisation matrix test checks
 * every procedure against this table.
 */

/** A group setting that lets plain members do what is otherwise for admins. */
export type GroupSetting = "membersCanInvite" | "membersCanPropose" | "membersCanAddResources";

/** Prisma `select` for a group's settings, so every standing is built from the same columns. */
export const GROUP_SETTINGS_SELECT = {
  membersCanInvite: true,
  membersCanPropose: true,
  membersCanAddResources: true,
} as const satisfies Record<GroupSetting, true>;

/** The settings out of a row selected with GROUP_SETTINGS_SELECT (and anything else). */
export function groupSettingsOf(group: Record<GroupSetting, boolean>): Record<GroupSetting, boolean> {
  return {
    membersCanInvite: group.membersCanInvite,
    membersCanPropose: group.membersCanPropose,
    membersCanAddResources: group.membersCanAddResources,
  };
}

/** What a non-member is told about a group's settings: nothing is allowed. */
export const NO_GROUP_SETTINGS: Record<GroupSetting, boolean> = {
  membersCanInvite: false,
  membersCanPropose: false,
  membersCanAddResources: false,
};

type GroupRule = { roles: readonly Role[]; membersWhen?: GroupSetting };

export const GROUP_PERMISSIONS = {
  /** See the group's page, name and description. Guests see it only as the frame of what they were invited to. */
  "group.view": { roles: ["admin", "member", "guest"] },
  /** See the member directory and who else belongs. Never guests. */
  "group.viewMembers": { roles: ["admin", "member"] },
  /** Every subgroup, to find and ask to join; guests see only the subgroups they belong to. */
  "group.viewSubgroups": { roles: ["admin", "member"] },
  /** The member directory lists guests, and everyone's email, only to admins. */
  "member.viewGuests": { roles: ["admin"] },
  "member.viewEmails": { roles: ["admin"] },
  "group.update": { roles: ["admin"] },
  /**
   * Download all of the group's data (member emails, every thread, closed ballots). A download of
   * a group takes in each subgroup only where this rule holds too.
   */
  "group.export": { roles: ["admin"] },
  /** Read the group's audit log (what admins, and Hearth itself, did there) and download it as CSV. */
  "group.viewAudit": { roles: ["admin"] },
  "group.createSubgroup": { roles: ["admin"] },
  "member.manage": { roles: ["admin"] },
  /** See who has not chosen a password yet (people an import brought in) and email them a link to do so. */
  "member.sendClaimLink": { roles: ["admin"] },
  "invitation.create": { roles: ["admin"], membersWhen: "membersCanInvite" },
  /** See, resend and revoke every pending invitation (inviters always manage their own). */
  "invitation.manageAll": { roles: ["admin"] },
  "membershipRequest.decide": { roles: ["admin"] },
  "poll.create": { roles: ["admin"], membersWhen: "membersCanPropose" },
  /** Vote in a poll open to the whole group; a poll with chosen voters is for them alone (see canVoteInPoll). */
  "poll.vote": { roles: ["admin", "member"] },
  /** Delete any poll with its votes; its author may too while nobody has voted (see canDeletePoll). */
  "poll.delete": { roles: ["admin"] },
  /** Every thread of the group; guests see only threads they were invited to (see canViewThread). */
  "thread.viewAll": { roles: ["admin", "member"] },
  "thread.create": { roles: ["admin", "member"] },
  /** Who has read a thread to the end, by name; everyone who sees the thread gets the counts. Never guests: they never see the member list. */
  "thread.viewSeenByNames": { roles: ["admin", "member"] },
  /** Pin, close, reopen, move, and delete anyone's comment. */
  "thread.moderate": { roles: ["admin"] },
  /** Delete a thread for everyone, with its comments, attachments and polls. Never its author alone: others wrote there too. */
  "thread.delete": { roles: ["admin"] },
  /** Upload the file of an attachment an import could only name ("attachment not migrated"), and see where it was. */
  "thread.restoreAttachment": { roles: ["admin"] },
  /** The library's published resources; guests never see the library. */
  "resource.view": { roles: ["admin", "member"] },
  "resource.create": { roles: ["admin"], membersWhen: "membersCanAddResources" },
  /** See drafts, publish them, edit or delete anyone's resource, and manage folders. */
  "resource.manage": { roles: ["admin"] },
  "meeting.view": { roles: ["admin", "member"] },
  /** Schedule, change and write minutes for meetings. */
  "meeting.manage": { roles: ["admin"] },
  /** Every document of the group; guests see only documents they were invited to, read-only. */
  "document.viewAll": { roles: ["admin", "member"] },
  "document.create": { roles: ["admin", "member"] },
  /** Type into a document, name and restore versions, and comment on its text. */
  "document.edit": { roles: ["admin", "member"] },
  /** The decision register, its notes and its CSV download. Never guests. */
  "decision.view": { roles: ["admin", "member"] },
  /** Change a decision's owner, review date, status and supersession, and add notes; its owner may report progress too (see canUpdateDecision). */
  "decision.update": { roles: ["admin"] },
  /** Add a task by hand (tasks written in text come with the text); guests never do. */
  "task.create": { roles: ["admin", "member"] },
  /** Tick or reopen any task one can see; guests only tasks assigned to them (see canCompleteTask). */
  "task.complete": { roles: ["admin", "member"] },
  /** Ask the group to acknowledge an outcome, an adopted document version or minutes, and see the report of who has not. */
  "ack.request": { roles: ["admin"] },
  /** Be asked to acknowledge, and acknowledge. Guests are never asked: they see the counts only. */
  "ack.confirm": { roles: ["admin", "member"] },
  /** Who has acknowledged, by name, as Discourse shows it; who has not is the report for "ack.request". Never guests. */
  "ack.viewAcknowledgedNames": { roles: ["admin", "member"] },
  /** The stakeholder map (who is around the group, how they relate) and its links. Never guests. */
  "stakeholder.view": { roles: ["admin", "member"] },
  /** Add, edit, delete, link and arrange the map's stakeholders. */
  "stakeholder.manage": { roles: ["admin"] },
  /** The directory of initiatives (work under way in the area), with their contacts. Never guests. */
  "initiative.view": { roles: ["admin", "member"] },
  "initiative.create": { roles: ["admin", "member"] },
  /** Edit or delete anyone's initiative; its creator may too (see canChangeInitiative). */
  "initiative.manage": { roles: ["admin"] },
  /** The charter, its versions and signatories. Never guests (anyone may read it at its public page once an admin opts in). */
  "charter.view": { roles: ["admin", "member"] },
  /** Write the charter (each changed text a new version), and open or close its public page. */
  "charter.edit": { roles: ["admin"] },
  /** Ask for one's own organisation to sign the charter. */
  "charter.requestSignature": { roles: ["admin", "member"] },
  /** See the pending requests to sign, and approve or decline them. */
  "charter.decideSignature": { roles: ["admin"] },
} as const satisfies Record<string, GroupRule>;

export type GroupAction = keyof typeof GROUP_PERMISSIONS;

/** The caller's standing in one group: their role (null when not a member) and the group's settings. */
export type GroupStanding = {
  role: Role | null;
  settings: Record<GroupSetting, boolean>;
};

export function canInGroup(standing: GroupStanding, action: GroupAction): boolean {
  const rule: GroupRule = GROUP_PERMISSIONS[action];
  if (!standing.role) return false;
  if (rule.roles.includes(standing.role)) return true;
  return standing.role === "member" && rule.membersWhen !== undefined && standing.settings[rule.membersWhen];
}

/** Guests may see (and take part in) a thread only when they were invited to it. */
export function canViewThread(standing: GroupStanding, facts: { isThreadGuest: boolean }): boolean {
  if (standing.role === "guest") return facts.isThreadGuest;
  return canInGroup(standing, "thread.viewAll");
}

/**
 * canInGroup as a Prisma filter on memberships: those whose role may take the action, or (for
 * members) whose group's settings let them. Queries about other people's rights use this, so
 * the table above stays the only place that says who may do what.
 */
export function membershipsAllowedWhere(action: GroupAction): Prisma.MembershipWhereInput {
  const rule: GroupRule = GROUP_PERMISSIONS[action];
  const always: Prisma.MembershipWhereInput = { role: { in: [...rule.roles] } };
  return rule.membersWhen ? { OR: [always, { role: "member", group: { [rule.membersWhen]: true } }] } : always;
}

/** canViewThread as a Prisma filter on threads: every thread this person may see, in any group. */
export function threadsVisibleToWhere(userId: string): Prisma.ThreadWhereInput {
  return {
    OR: [
      { group: { memberships: { some: { userId, ...membershipsAllowedWhere("thread.viewAll") } } } },
      { group: { memberships: { some: { userId, role: "guest" } } }, guests: { some: { userId } } },
    ],
  };
}

/** canViewPoll as a Prisma filter on polls: every poll this person may see, in any group. */
export function pollsVisibleToWhere(userId: string): Prisma.PollWhereInput {
  return {
    OR: [
      { group: { memberships: { some: { userId, ...membershipsAllowedWhere("thread.viewAll") } } } },
      {
        group: { memberships: { some: { userId, role: "guest" } } },
        OR: [{ voters: { some: { userId } } }, { thread: { guests: { some: { userId } } } }],
      },
    ],
  };
}

/** canVoteInPoll as a Prisma filter on polls: every poll this person may vote in (open or not), in any group. */
export function pollsVotableByWhere(userId: string): Prisma.PollWhereInput {
  return {
    OR: [
      { restrictVoters: true, voters: { some: { userId } } },
      { restrictVoters: false, group: { memberships: { some: { userId, ...membershipsAllowedWhere("poll.vote") } } } },
    ],
  };
}

/** canViewDocument as a Prisma filter on documents: every document this person may see, in any group. */
export function documentsVisibleToWhere(userId: string): Prisma.DocumentWhereInput {
  return {
    OR: [
      { group: { memberships: { some: { userId, ...membershipsAllowedWhere("document.viewAll") } } } },
      { group: { memberships: { some: { userId, role: "guest" } } }, guests: { some: { userId } } },
    ],
  };
}

/** canViewThread as a Prisma filter on people: everyone who may see this thread. */
export function threadViewersWhere(thread: { id: string; groupId: string }): Prisma.UserWhereInput {
  return {
    OR: [
      { memberships: { some: { groupId: thread.groupId, ...membershipsAllowedWhere("thread.viewAll") } } },
      { memberships: { some: { groupId: thread.groupId, role: "guest" } }, threadGuestOf: { some: { threadId: thread.id } } },
    ],
  };
}

/** canViewPoll as a Prisma filter on people: everyone who may see this poll. */
export function pollViewersWhere(poll: { id: string; groupId: string; threadId: string | null }): Prisma.UserWhereInput {
  const guestOf: Prisma.UserWhereInput[] = [{ pollVoterOf: { some: { pollId: poll.id } } }];
  if (poll.threadId) guestOf.push({ threadGuestOf: { some: { threadId: poll.threadId } } });
  return {
    OR: [
      { memberships: { some: { groupId: poll.groupId, ...membershipsAllowedWhere("thread.viewAll") } } },
      { memberships: { some: { groupId: poll.groupId, role: "guest" } }, OR: guestOf },
    ],
  };
}

/**
 * Every task this person may see, in any group: members and admins see their groups' tasks;
 * guests only tasks of threads they were invited to (canViewThread), never meetings' or decisions'.
 * A thread's tasks follow the thread (whichever group it has moved to).
 */
export function tasksVisibleToWhere(userId: string): Prisma.TaskWhereInput {
  return {
    OR: [
      { threadId: null, group: { memberships: { some: { userId, ...membershipsAllowedWhere("thread.viewAll") } } } },
      { thread: threadsVisibleToWhere(userId) },
    ],
  };
}

/** Ticking a task: whoever may tick tasks in the group; a guest (who sees only their thread's) only their own. */
export function canCompleteTask(standing: GroupStanding, facts: { isAssignee: boolean }): boolean {
  if (standing.role === "guest") return facts.isAssignee;
  return canInGroup(standing, "task.complete");
}

/** Changing a task's due date, decision, or (for one added by hand) title and assignees: its creator, its assignees, or an admin. */
export function canEditTask(standing: GroupStanding, facts: { actorId: string; createdById: string; isAssignee: boolean }): boolean {
  if (!canInGroup(standing, "task.create")) return false;
  return facts.actorId === facts.createdById || facts.isAssignee || canInGroup(standing, "thread.moderate");
}

/**
 * Changing a decision: those with "decision.update" change anything; its owner, while still able
 * to see the register, reports progress (status and notes) but does not reassign or re-date it.
 */
export function canUpdateDecision(
  standing: GroupStanding,
  facts: { actorId: string; ownerId: string | null; changes: { owner: boolean; reviewOn: boolean; supersededBy: boolean } },
): boolean {
  if (canInGroup(standing, "decision.update")) return true;
  if (!canInGroup(standing, "decision.view") || facts.ownerId !== facts.actorId) return false;
  return !facts.changes.owner && !facts.changes.reviewOn && !facts.changes.supersededBy;
}

/** Guests may read a document only when they were invited to it; editing is "document.edit". */
export function canViewDocument(standing: GroupStanding, facts: { isDocumentGuest: boolean }): boolean {
  if (standing.role === "guest") return facts.isDocumentGuest;
  return canInGroup(standing, "document.viewAll");
}

/** A published resource is for everyone who sees the library; a draft only for its author and those who manage resources. */
export function canViewResource(standing: GroupStanding, facts: { isPublished: boolean; isAuthor: boolean }): boolean {
  if (!canInGroup(standing, "resource.view")) return false;
  return facts.isPublished || facts.isAuthor || canInGroup(standing, "resource.manage");
}

/** Changing or deleting an initiative: those who manage initiatives, and its creator while they may still see the directory. */
export function canChangeInitiative(standing: GroupStanding, facts: { actorId: string; createdById: string | null }): boolean {
  if (canInGroup(standing, "initiative.manage")) return true;
  return facts.createdById === facts.actorId && canInGroup(standing, "initiative.view");
}

/**
 * Who may see a poll: the group's members and admins, and guests chosen as its voters or
 * invited to the thread it belongs to.
 */
export function canViewPoll(standing: GroupStanding, facts: { isChosenVoter: boolean; isThreadGuest: boolean }): boolean {
  if (standing.role === "guest") return facts.isChosenVoter || facts.isThreadGuest;
  return canInGroup(standing, "thread.viewAll");
}

/** Who may vote: the chosen voters when the poll names them, otherwise every member and admin. */
export function canVoteInPoll(standing: GroupStanding, facts: { restrictVoters: boolean; isChosenVoter: boolean }): boolean {
  if (facts.restrictVoters) return facts.isChosenVoter;
  return canInGroup(standing, "poll.vote");
}

/** Closing, reopening and writing the outcome: the poll's author or a group admin. */
export function canManagePoll(standing: GroupStanding, facts: { actorId: string; authorId: string }): boolean {
  return facts.actorId === facts.authorId || canInGroup(standing, "thread.moderate");
}

/**
 * Editing a poll's title, details, closing time (and options until the first vote): the same
 * people who manage it. Its options are then locked by the service, not by role.
 */
export function canEditPoll(standing: GroupStanding, facts: { actorId: string; authorId: string }): boolean {
  return canManagePoll(standing, facts);
}

/**
 * Deleting a poll: the group's admins; its author only while nobody has voted, since after that
 * the votes are other people's words too.
 */
export function canDeletePoll(standing: GroupStanding, facts: { actorId: string; authorId: string; voterCount: number }): boolean {
  return canInGroup(standing, "poll.delete") || (facts.actorId === facts.authorId && facts.voterCount === 0 && standing.role !== null);
}

/** Authors edit their own words; admins may also remove anyone's comment, never rewrite it. */
export function canEditOwn(actorId: string, authorId: string): boolean {
  return actorId === authorId;
}

export function canDeleteComment(standing: GroupStanding, facts: { actorId: string; authorId: string }): boolean {
  return facts.actorId === facts.authorId || canInGroup(standing, "thread.moderate");
}

/** Which roles the member directory lists to this caller: guests only to those who may see them. */
export function visibleMemberRoles(standing: GroupStanding): readonly Role[] {
  return canInGroup(standing, "member.viewGuests") ? ["admin", "member", "guest"] : ["admin", "member"];
}

/** A group always keeps at least one person in this role, so someone can run it; group creators take it. */
export const GROUP_KEEPER_ROLE = "admin" satisfies Role;

/** Holders of these roles in a subgroup must belong to every ancestor group; guests join a subgroup alone. */
export const ROLES_IN_ANCESTORS: readonly Role[] = ["admin", "member"];

/** Which roles an inviter may hand out: admins any, members only member or guest. */
export function assignableRoles(standing: GroupStanding): readonly Role[] {
  if (standing.role === "admin") return ["admin", "member", "guest"];
  return canInGroup(standing, "invitation.create") ? ["member", "guest"] : [];
}

/** Inviting a stakeholder to read one document makes them a guest of the group. */
export function canInviteDocumentReaders(standing: GroupStanding): boolean {
  return assignableRoles(standing).includes("guest");
}

/** The roles that may take an action whatever the group's settings: whom to tell when it is needed. */
export function rolesAlwaysAllowed(action: GroupAction): readonly Role[] {
  return GROUP_PERMISSIONS[action].roles;
}

/** `guestEverywhere`: every group the person belongs to has them as a guest (see isGuestEverywhere). */
type SiteActor = { isAdmin: boolean; adminOfAnyGroup: boolean; guestEverywhere?: boolean } | null;
type SiteFacts = { userCount: number };

const SITE_RULES = {
  whileNoUsers: (_actor: SiteActor, facts: SiteFacts) => facts.userCount === 0,
  siteAdmin: (actor: SiteActor) => actor?.isAdmin === true,
  staff: (actor: SiteActor) => actor?.isAdmin === true || actor?.adminOfAnyGroup === true,
  signedIn: (actor: SiteActor) => actor !== null,
  /** Guests see only what they were invited to, so nothing site-wide while they are guests everywhere. */
  beyondInvitations: (actor: SiteActor) => actor !== null && (actor.isAdmin || actor.guestEverywhere !== true),
} as const;

/** Site actions depend on facts about the instance and on being its administrator or staff. */
export const SITE_PERMISSIONS = {
  "site.setup": "whileNoUsers",
  /** Top-level groups; subgroups are group.createSubgroup on the parent. */
  "site.createGroup": "siteAdmin",
  /**
   * A signed-in outsider sees a group's name and handle (nothing more), so they can ask to join;
   * not someone who is a guest everywhere (see also canViewGroupOutline).
   */
  "group.viewOutline": "beyondInvitations",
  /** The outbox holds password-reset links, so only the instance administrator reads it. */
  "site.readOutbox": "siteAdmin",
  /** Sends a failed email again (e.g. after fixing SMTP_URL or the address). */
  "site.retryMail": "siteAdmin",
  /** Importing a Loomio or Hearth export creates people and groups across the instance. */
  "import.run": "siteAdmin",
  /** The instance's metrics (GET /api/metrics; a scraper may use HEARTH_METRICS_TOKEN instead). */
  "site.viewMetrics": "siteAdmin",
  /** Create organisations; editing one or setting someone's also needs a link to the actor's groups (below). */
  "organisation.manage": "staff",
  /** The organisations directory; not for people who are guests everywhere. */
  "organisation.view": "beyondInvitations",
} as const satisfies Record<string, keyof typeof SITE_RULES>;

export type SiteAction = keyof typeof SITE_PERMISSIONS;

export function canOnSite(actor: SiteActor, action: SiteAction, facts: SiteFacts = { userCount: 1 }): boolean {
  return SITE_RULES[SITE_PERMISSIONS[action]](actor, facts);
}

/** True when someone belongs to groups only as a guest: invited to a thread or a document, nothing more. */
export function isGuestEverywhere(roles: readonly Role[]): boolean {
  return roles.length > 0 && roles.every((role) => role === "guest");
}

/**
 * The outline of a group the caller is not in (to ask to join): not for someone who is a guest
 * everywhere, nor for a guest of a group above it, who was invited to one thing there and
 * would otherwise find every subgroup by its address.
 */
export function canViewGroupOutline(actor: SiteActor, facts: { rolesInAncestors: readonly Role[] }): boolean {
  return canOnSite(actor, "group.viewOutline") && !facts.rolesInAncestors.includes("guest");
}

/**
 * Organisations are instance-wide, a group admin's authority is not: beyond their own, a group
 * admin sets the organisation only of people in a group they administer (member.manage); the
 * instance administrator sets anyone's.
 */
export function canSetOrganisationOf(actor: SiteActor, facts: { isSelf: boolean; inGroupTheyManage: boolean }): boolean {
  if (facts.isSelf || SITE_RULES.siteAdmin(actor)) return true;
  return canOnSite(actor, "organisation.manage") && facts.inGroupTheyManage;
}

/** Editing (renaming) an organisation: the instance administrator, or a group admin when someone in a group they administer belongs to it, or nobody does yet. */
export function canEditOrganisation(actor: SiteActor, facts: { memberCount: number; membersInGroupsTheyManage: number }): boolean {
  if (SITE_RULES.siteAdmin(actor)) return true;
  return canOnSite(actor, "organisation.manage") && (facts.memberCount === 0 || facts.membersInGroupsTheyManage > 0);
}
