import type { Role } from "@/generated/prisma/enums.ts";

export type { Role };

/**
 * Every allow/deny decision in Hearth lives here, as data plus small pure functions; services
 * ask, and never name roles themselves.
 */
type SiteActor = { isAdmin: boolean } | null;
type SiteFacts = { userCount: number };

const SITE_RULES = {
  whileNoUsers: (_actor: SiteActor, facts: SiteFacts) => facts.userCount === 0,
  siteAdmin: (actor: SiteActor) => actor?.isAdmin === true,
} as const;

/** Site actions depend on facts about the instance and on being its administrator. */
export const SITE_PERMISSIONS = {
  "site.setup": "whileNoUsers",
} as const satisfies Record<string, keyof typeof SITE_RULES>;

export type SiteAction = keyof typeof SITE_PERMISSIONS;

export function canOnSite(actor: SiteActor, action: SiteAction, facts: SiteFacts): boolean {
  return SITE_RULES[SITE_PERMISSIONS[action]](actor, facts);
}
