import type { Role } from "@/generated/prisma/enums.ts";

export type { Role };

/**
 * Every allow/deny decision in Hearth lives here, as data plus small pure functions. Services
 * ask these functions and never name roles themselves; the authorisation matrix test checks
 * every procedure against this table.
 */

/** A group setting that lets plain members do what is otherwise for admins. */
type GroupSetting = "membersCanInvite" | "membersCanPropose";

type GroupRule = { roles: readonly Role[]; membersWhen?: GroupSetting };

export const GROUP_PERMISSIONS = {
  /** See the group's page, name and description. Guests see it only as the frame of what they were invited to. */
  "group.view": { roles: ["admin", "member", "guest"] },
  /** See the member directory and who else belongs. Never guests. */
  "group.viewMembers": { roles: ["admin", "member"] },
  "group.update": { roles: ["admin"] },
  "group.createSubgroup": { roles: ["admin"] },
  "member.manage": { roles: ["admin"] },
  "invitation.create": { roles: ["admin"], membersWhen: "membersCanInvite" },
  /** See, resend and revoke every pending invitation (inviters always manage their own). */
  "invitation.manageAll": { roles: ["admin"] },
  "membershipRequest.decide": { roles: ["admin"] },
  "poll.create": { roles: ["admin"], membersWhen: "membersCanPropose" },
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

/** Which roles an inviter may hand out: admins any, members only member or guest. */
export function assignableRoles(standing: GroupStanding): readonly Role[] {
  if (standing.role === "admin") return ["admin", "member", "guest"];
  return canInGroup(standing, "invitation.create") ? ["member", "guest"] : [];
}

type SiteActor = { isAdmin: boolean; adminOfAnyGroup: boolean } | null;
type SiteFacts = { userCount: number };

const SITE_RULES = {
  whileNoUsers: (_actor: SiteActor, facts: SiteFacts) => facts.userCount === 0,
  siteAdmin: (actor: SiteActor) => actor?.isAdmin === true,
  staff: (actor: SiteActor) => actor?.isAdmin === true || actor?.adminOfAnyGroup === true,
  signedIn: (actor: SiteActor) => actor !== null,
} as const;

/** Site actions depend on facts about the instance and on being its administrator or staff. */
export const SITE_PERMISSIONS = {
  "site.setup": "whileNoUsers",
  /** Top-level groups; subgroups are group.createSubgroup on the parent. */
  "site.createGroup": "siteAdmin",
  /** The outbox holds password-reset links, so only the instance administrator reads it. */
  "site.readOutbox": "siteAdmin",
  "organisation.manage": "staff",
  "organisation.view": "signedIn",
} as const satisfies Record<string, keyof typeof SITE_RULES>;

export type SiteAction = keyof typeof SITE_PERMISSIONS;

export function canOnSite(actor: SiteActor, action: SiteAction, facts: SiteFacts = { userCount: 1 }): boolean {
  return SITE_RULES[SITE_PERMISSIONS[action]](actor, facts);
}
