import type { Db } from "@/server/db";
import { GROUP_KEEPER_ROLE } from "@/server/policy";

/** The facts `canOnSite` needs about a signed-in person: instance administrator, and admin of any group (staff). */
export async function getSiteActor(db: Db, userId: string): Promise<{ isAdmin: boolean; adminOfAnyGroup: boolean }> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { isAdmin: true, memberships: { where: { role: GROUP_KEEPER_ROLE }, select: { id: true }, take: 1 } },
  });
  return { isAdmin: user?.isAdmin ?? false, adminOfAnyGroup: (user?.memberships.length ?? 0) > 0 };
}
