import { GROUP_AUDIT_SELECT, groupSettingsEntries } from "@/server/audit/group-entries";
import { recordAudit } from "@/server/audit/record";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { getGroupDetail } from "@/server/groups/detail";
import { isUniqueViolation } from "@/server/db/unique-violation";
import { assertHandleFree } from "@/server/groups/handles";
import { assertCanMove } from "@/server/groups/move";
import type { GroupDetail, UpdateGroupInput } from "@/server/groups/schemas";
import { requireInGroup } from "@/server/groups/standing";
import { assertOwnImage } from "@/server/images/service";
import { votingRuleDefaultsText } from "@/server/polls/voting-rules";

/** Changes a group's name, handle, description, logo, settings or parent (admins only); fields left out stay. */
export async function updateGroup(db: Db, userId: string, { id, votingRuleDefaults, ...changes }: UpdateGroupInput): Promise<GroupDetail> {
  await requireInGroup(db, userId, id, "group.update");
  const current = await db.group.findUniqueOrThrow({ where: { id }, select: { ...GROUP_AUDIT_SELECT, votingRuleDefaults: true } });
  if (changes.handle !== undefined && changes.handle !== current.handle) await assertHandleFree(db, changes.handle);
  if (changes.logoId && changes.logoId !== current.logoId) await assertOwnImage(db, userId, changes.logoId);
  if (changes.parentId !== undefined && changes.parentId !== current.parentId) await assertCanMove(db, userId, id, changes.parentId);

  try {
    await db.$transaction(async (tx) => {
      const rules = votingRuleDefaults && JSON.stringify(votingRuleDefaults);
      await tx.group.update({ where: { id }, data: { ...changes, ...(rules && { votingRuleDefaults: rules }) }, select: { id: true } });
      await recordAudit(tx, await groupSettingsEntries(tx, { actorId: userId, groupId: id, current, changes }));
      if (rules && rules !== current.votingRuleDefaults) {
        // Logged as words, since the audit keeps plain values only.
        const before = { votingRules: votingRuleDefaultsText(current.votingRuleDefaults) };
        const subject = { type: "group" as const, id, label: changes.name ?? current.name };
        await recordAudit(tx, { groupId: id, actorId: userId, action: "group.settings_changed", subject, before, after: { votingRules: votingRuleDefaultsText(rules) } });
      }
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError("CONFLICT", "That handle or logo was taken by someone else a moment ago. Please try again.");
    }
    throw error;
  }
  return getGroupDetail(db, userId, { id });
}
