import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import type { Publish } from "@/server/events";
import { isUniqueViolation } from "@/server/db/unique-violation";
import { assertHandleFree, freeHandleFor, handleTakenError } from "@/server/groups/handles";
import { cookAhead } from "@/server/markdown/cook";
import type { CreateGroupInput, GroupSummary } from "@/server/groups/schemas";
import { getSiteActor } from "@/server/groups/site-actor";
import { summariseGroups } from "@/server/groups/summary";
import { requireInGroup } from "@/server/groups/standing";
import { publishJoined } from "@/server/members/publish";
import { canOnSite, GROUP_KEEPER_ROLE } from "@/server/policy";

/**
 * Creates a top-level group (instance administrator) or a subgroup (admins of the parent). The
 * creator becomes its admin; a subgroup's creator already belongs to the parent as its admin.
 */
export async function createGroup(db: Db, publish: Publish, userId: string, input: CreateGroupInput): Promise<GroupSummary> {
  if (input.parentId) {
    await requireInGroup(db, userId, input.parentId, "group.createSubgroup");
  } else if (!canOnSite(await getSiteActor(db, userId), "site.createGroup")) {
    throw new AppError("FORBIDDEN", "Only the instance administrator can create top-level groups. Admins of a group can create subgroups in it.");
  }
  if (input.handle) await assertHandleFree(db, input.handle);
  const handle = input.handle ?? (await freeHandleFor(db, input.name));

  let groupId: string;
  try {
    const group = await db.group.create({
      data: {
        name: input.name,
        handle,
        description: input.description ?? "",
        parentId: input.parentId ?? null,
        memberships: { create: { userId, role: GROUP_KEEPER_ROLE } },
      },
      select: { id: true },
    });
    groupId = group.id;
  } catch (error) {
    if (isUniqueViolation(error)) throw handleTakenError(handle);
    throw error;
  }
  cookAhead(input.description);
  const [summary] = await summariseGroups(db, userId, [groupId]);
  publishJoined(publish, userId, [summary!]);
  return summary!;
}
