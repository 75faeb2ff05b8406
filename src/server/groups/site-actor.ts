import type { Db } from "@/server/db";
import { GROUP_KEEPER_ROLE, isGuestEverywhere } from "@/server/policy";

/**
 * The facts `canOnSite` needs about a signed-in person: instance administrator, admin of any
 * group (staff), and guest everywhere. One query: the distinct roles they hold.
 */
export async function getSiteActor(
  db: Db,
  userId: string,
): Promise<{ isAdmin: boolean; adminOfAnyGroup: boolean; guestEverywhere: boolean }> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { isAdmin: true, memberships: { select: { role: true }, distinct: ["role"] } },
  });
  const roles = user?.memberships.map(({ role }) => role) ?? [];
  return { isAdmin: user?.isAdmin ?? false, adminOfAnyGroup: roles.includes(GROUP_KEEPER_ROLE), guestEverywhere: isGuestEverywhere(roles) };
}
