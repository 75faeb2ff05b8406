import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { getStanding } from "@/server/groups/standing";
import { canInGroup, type GroupStanding } from "@/server/policy";

export const DECISION_NOT_VISIBLE = "That decision does not exist, or you cannot see it.";

/**
 * Loads a decision only for people who may see its group's register; anyone else (guests,
 * outsiders, people who left) gets NOT_FOUND, so decision ids reveal nothing.
 */
export async function requireDecision(db: Db, userId: string, decisionId: string): Promise<{ groupId: string; standing: GroupStanding }> {
  const decision = await db.decision.findUnique({ where: { id: decisionId }, select: { groupId: true } });
  if (!decision) throw new AppError("NOT_FOUND", DECISION_NOT_VISIBLE);
  const standing = await getStanding(db, userId, decision.groupId);
  if (!canInGroup(standing, "decision.view")) throw new AppError("NOT_FOUND", DECISION_NOT_VISIBLE);
  return { groupId: decision.groupId, standing };
}
