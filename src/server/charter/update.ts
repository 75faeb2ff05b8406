import { recordAudit } from "@/server/audit/record";
import type { Db } from "@/server/db";
import { isUniqueViolation } from "@/server/db/unique-violation";
import { AppError } from "@/server/errors";
import type { Publish } from "@/server/events";
import { requireInGroup } from "@/server/groups/standing";
import { cookAhead } from "@/server/markdown/cook";
import { publishCharterChange } from "@/server/charter/access";
import { getCharter } from "@/server/charter/get";
import type { Charter, UpdateCharterInput } from "@/server/charter/schemas";

export const SAVED_AT_ONCE = "Someone else saved the charter at the same moment. Reload to see their text, then save yours again.";

/**
 * Writes the charter (admins only). A text that differs from the current one is saved as the next
 * numbered version in the same transaction; the public switch changes alone. Two saves at the
 * same moment cannot share a number: the loser is told, and nothing of theirs is written.
 */
export async function updateCharter(db: Db, publish: Publish, userId: string, input: UpdateCharterInput): Promise<Charter> {
  await requireInGroup(db, userId, input.groupId, "charter.edit");
  let changed: boolean;
  try {
    changed = await db.$transaction(async (tx) => {
      const charter = await tx.charter.upsert({
        where: { groupId: input.groupId },
        create: { groupId: input.groupId },
        update: {},
        select: { id: true, body: true, isPublic: true },
      });
      const newBody = input.body !== undefined && input.body !== charter.body ? input.body : undefined;
      const newPublic = input.isPublic !== undefined && input.isPublic !== charter.isPublic ? input.isPublic : undefined;
      if (newBody === undefined && newPublic === undefined) return false;
      let version: number | undefined;
      if (newBody !== undefined) {
        const last = await tx.charterVersion.findFirst({ where: { charterId: charter.id }, orderBy: { number: "desc" }, select: { number: true } });
        version = (last?.number ?? 0) + 1;
        await tx.charterVersion.create({ data: { charterId: charter.id, number: version, body: newBody, createdById: userId } });
      }
      await tx.charter.update({ where: { id: charter.id }, data: { body: newBody, isPublic: newPublic } });
      const after = { ...(version !== undefined && { version }), ...(newPublic !== undefined && { isPublic: newPublic }) };
      await recordAudit(tx, { groupId: input.groupId, actorId: userId, action: "charter.updated", subject: { type: "charter", id: charter.id, label: "charter" }, after });
      return true;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", SAVED_AT_ONCE);
    throw error;
  }
  if (changed) {
    cookAhead(input.body);
    publishCharterChange(publish, input.groupId);
  }
  return getCharter(db, userId, { groupId: input.groupId });
}
