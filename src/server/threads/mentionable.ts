import type { Db } from "@/server/db";
import { canInGroup, threadViewersWhere } from "@/server/policy";
import { requireThreadAccess } from "@/server/threads/access";

const LIMIT = 8;

/**
 * People the caller may @mention in a thread, matching a name search. Members choose from
 * everyone who can see the thread; guests, who never see the member list, only from the people
 * already taking part in it.
 */
export async function listMentionable(db: Db, userId: string, threadId: string, search: string) {
  const { thread, standing } = await requireThreadAccess(db, userId, threadId);
  const nameMatches = search ? { name: { contains: search } } : {};
  const seesMembers = canInGroup(standing, "group.viewMembers");
  const people = await db.user.findMany({
    where: {
      id: { not: userId },
      ...nameMatches,
      ...(seesMembers
        ? threadViewersWhere(thread)
        : { OR: [{ id: thread.authorId }, { comments: { some: { threadId, deletedAt: null } } }] }),
    },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
    take: LIMIT,
  });
  return people;
}
