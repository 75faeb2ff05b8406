import type { z } from "zod";
import type { Prisma } from "@/generated/prisma/client.ts";
import type { Db } from "@/server/db";
import { requireInGroup } from "@/server/groups/standing";
import { canInGroup, membershipsAllowedWhere, threadViewersWhere } from "@/server/policy";
import { requireThreadAccess } from "@/server/threads/access";
import type { zMentionableInput } from "@/server/threads/schemas";
import { containsIgnoringCase } from "@/server/db/text-match";

const LIMIT = 8;

/**
 * Who the caller may choose from. In a thread, members choose from everyone who can see it;
 * guests, who never see the member list, only from the people already taking part in it.
 * Before a thread exists, whoever may start one in the group chooses from everyone who will
 * see it: the group's readers (no guest is invited to a thread that does not exist yet).
 */
async function candidatesWhere(db: Db, userId: string, input: z.infer<typeof zMentionableInput>): Promise<Prisma.UserWhereInput> {
  if ("groupId" in input) {
    await requireInGroup(db, userId, input.groupId, "thread.create");
    return { memberships: { some: { groupId: input.groupId, ...membershipsAllowedWhere("thread.viewAll") } } };
  }
  const { thread, standing } = await requireThreadAccess(db, userId, input.id);
  if (canInGroup(standing, "group.viewMembers")) return threadViewersWhere(thread);
  return { OR: [{ id: thread.authorId }, { comments: { some: { threadId: input.id, deletedAt: null } } }] };
}

/** People the caller may @mention, matching a name search. */
export async function listMentionable(db: Db, userId: string, input: z.infer<typeof zMentionableInput>) {
  const where = await candidatesWhere(db, userId, input);
  return db.user.findMany({
    where: { AND: [{ id: { not: userId } }, input.search ? { name: containsIgnoringCase(input.search) } : {}, where] },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
    take: LIMIT,
  });
}
