import { Prisma } from "@/generated/prisma/client.ts";
import { recordAudit } from "@/server/audit/record";
import type { Db } from "@/server/db";
import { requireDecision } from "@/server/decisions/access";
import { getDecision } from "@/server/decisions/detail";
import type { DecisionDetail, DecisionStatus, UpdateDecisionInput } from "@/server/decisions/schemas";
import { publishDecisionChange } from "@/server/decisions/sync";
import { AppError } from "@/server/errors";
import type { Publish } from "@/server/events";
import { canUpdateDecision, membershipsAllowedWhere } from "@/server/policy";

const day = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);
const sameTime = (a: Date | null, b: Date | null) => (a?.getTime() ?? null) === (b?.getTime() ?? null);

/**
 * Follows "superseded by" links from `start`; true when they lead back to `decisionId`, i.e.
 * linking decisionId to start would make a loop. `links` maps each decision to the one that
 * superseded it.
 */
export function wouldLoop(links: ReadonlyMap<string, string>, decisionId: string, start: string): boolean {
  const seen = new Set<string>();
  for (let current: string | undefined = start; current !== undefined && !seen.has(current); current = links.get(current)) {
    if (current === decisionId) return true;
    seen.add(current);
  }
  return false;
}

/**
 * Changes a decision: owner (a current member or admin of its group), review date (a new one
 * means a new reminder), status, a progress note, and the decision that superseded it (of the
 * same group, never itself or a loop; sets the status to superseded). A note or a status change
 * is kept as a DecisionNote; changed fields go to the audit log. Runs serializable, so two
 * people linking two decisions to each other at once cannot make a loop.
 */
export async function updateDecision(db: Db, publish: Publish, userId: string, input: UpdateDecisionInput): Promise<DecisionDetail> {
  const { groupId, standing } = await requireDecision(db, userId, input.id);
  const current = await db.decision.findUniqueOrThrow({
    where: { id: input.id },
    select: {
      title: true,
      status: true,
      ownerId: true,
      reviewOn: true,
      supersededById: true,
      owner: { select: { name: true } },
      supersededBy: { select: { title: true } },
    },
  });
  const changes = {
    owner: input.ownerId !== undefined && input.ownerId !== current.ownerId,
    reviewOn: input.reviewOn !== undefined && !sameTime(input.reviewOn, current.reviewOn),
    supersededBy: input.supersededById !== undefined && input.supersededById !== current.supersededById,
  };
  if (!canUpdateDecision(standing, { actorId: userId, ownerId: current.ownerId, changes })) {
    throw new AppError("FORBIDDEN", "Only the group's admins can change this decision; its owner can report progress on it.");
  }

  const supersededById = changes.supersededBy ? (input.supersededById ?? null) : current.supersededById;
  let status: DecisionStatus = input.status ?? current.status;
  if (changes.supersededBy && supersededById) status = "superseded";
  else if (changes.supersededBy && !input.status && current.status === "superseded") status = "agreed";
  if (supersededById && status !== "superseded") {
    throw new AppError("BAD_REQUEST", "This decision is superseded by another: remove that link to give it another status.");
  }
  const statusChanged = status !== current.status;
  const note = input.note ?? "";

  let ownerName: string | null = null;
  if (changes.owner && input.ownerId) {
    const membership = await db.membership.findFirst({
      where: { groupId, userId: input.ownerId, ...membershipsAllowedWhere("decision.view") },
      select: { user: { select: { name: true } } },
    });
    if (!membership) throw new AppError("BAD_REQUEST", "Choose an owner from the group's current members and admins.");
    ownerName = membership.user.name;
  }

  if (!changes.owner && !changes.reviewOn && !changes.supersededBy && !statusChanged && !note) return getDecision(db, userId, input.id);

  let supersederTitle: string | null = null;
  try {
    await db.$transaction(
      async (tx) => {
        if (changes.supersededBy && supersededById) {
          if (supersededById === input.id) throw new AppError("BAD_REQUEST", "A decision cannot supersede itself.");
          const superseder = await tx.decision.findFirst({ where: { id: supersededById, groupId }, select: { title: true } });
          if (!superseder) throw new AppError("BAD_REQUEST", "Choose a decision of this group as the one that replaced it.");
          const linked = await tx.decision.findMany({ where: { groupId, supersededById: { not: null } }, select: { id: true, supersededById: true } });
          const links = new Map(linked.map((row) => [row.id, row.supersededById!]));
          if (wouldLoop(links, input.id, supersededById)) {
            throw new AppError("BAD_REQUEST", `“${superseder.title}” is itself superseded by this decision, directly or through others: that would be a loop.`);
          }
          supersederTitle = superseder.title;
        }
        await tx.decision.update({
          where: { id: input.id },
          data: {
            status,
            ...(changes.owner && { ownerId: input.ownerId ?? null }),
            ...(changes.reviewOn && { reviewOn: input.reviewOn ?? null, reviewRemindedAt: null }),
            ...(changes.supersededBy && { supersededById }),
          },
          select: { id: true },
        });
        if (note || statusChanged) {
          await tx.decisionNote.create({ data: { decisionId: input.id, authorId: userId, body: note, status: statusChanged ? status : null }, select: { id: true } });
        }
        const before: Record<string, string | null> = {};
        const after: Record<string, string | null> = {};
        if (statusChanged) [before.status, after.status] = [current.status, status];
        if (changes.owner) [before.owner, after.owner] = [current.owner?.name ?? null, ownerName];
        if (changes.reviewOn) [before.reviewOn, after.reviewOn] = [day(current.reviewOn), day(input.reviewOn ?? null)];
        if (changes.supersededBy) [before.supersededBy, after.supersededBy] = [current.supersededBy?.title ?? null, supersederTitle];
        if (Object.keys(after).length > 0) {
          await recordAudit(tx, { groupId, actorId: userId, action: "decision.updated", subject: { type: "decision", id: input.id, label: current.title }, before, after });
        }
      },
      { isolationLevel: "Serializable" },
    );
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2034") {
      throw new AppError("CONFLICT", "Someone else changed these decisions at the same moment. Reload and try again.");
    }
    throw error;
  }

  publishDecisionChange(publish, { id: input.id, groupId });
  for (const other of new Set([current.supersededById, supersededById])) {
    if (other && changes.supersededBy) publishDecisionChange(publish, { id: other, groupId });
  }
  return getDecision(db, userId, input.id);
}
