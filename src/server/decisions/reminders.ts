import { runJobTurn, type JobSchedule } from "@/server/cluster/job-lock";
import type { Db } from "@/server/db";
import { fillMissingDecisions } from "@/server/decisions/sync";
import type { Publish } from "@/server/events";
import { logger } from "@/server/logger";
import { notify } from "@/server/notifications/notify";
import { membershipsAllowedWhere } from "@/server/policy";

/** A dropped or superseded decision is not reviewed; an agreed, ongoing or done one is. */
const REVIEWED = ["agreed", "in_progress", "done"] as const;

export const decisionUrl = (handle: string, decisionId: string) => `/groups/${handle}/decisions/${decisionId}`;

/**
 * Tells each owner once that a decision they own has reached its review date. The reminder is
 * claimed first (reviewRemindedAt set where it was null), so two runs or two instances never both
 * send it; a new review date clears the claim. Owners who can no longer see the register are not
 * told, and their decisions wait for a new owner. Decisions missing for imported outcomes are
 * filled in first, so their review dates count too.
 */
export async function runDecisionReviews(db: Db, publish: Publish, now = new Date()): Promise<{ reminded: number }> {
  await fillMissingDecisions(db, null);
  const due = await db.decision.findMany({
    where: {
      reviewOn: { lte: now },
      reviewRemindedAt: null,
      status: { in: [...REVIEWED] },
      owner: { is: { memberships: { some: membershipsAllowedWhere("decision.view") } } },
    },
    select: { id: true, groupId: true, title: true, ownerId: true, reviewOn: true, group: { select: { handle: true } } },
    orderBy: { reviewOn: "asc" },
    take: 500,
  });
  let reminded = 0;
  for (const decision of due) {
    if (!decision.ownerId) continue;
    const stillOwner = await db.membership.count({ where: { groupId: decision.groupId, userId: decision.ownerId, ...membershipsAllowedWhere("decision.view") } });
    if (!stillOwner) continue;
    const { count } = await db.decision.updateMany({
      where: { id: decision.id, reviewRemindedAt: null, ownerId: decision.ownerId, reviewOn: decision.reviewOn },
      data: { reviewRemindedAt: now },
    });
    if (!count) continue;
    await notify(db, publish, {
      recipients: [decision.ownerId],
      kind: "decision_review",
      actorId: null,
      groupId: decision.groupId,
      title: decision.title,
      url: decisionUrl(decision.group.handle, decision.id),
      details: ["You own this decision, and it has reached its review date. Is it still right, and is it done?"],
    });
    reminded += 1;
  }
  return { reminded };
}

/** Runs the reviews now, then every interval, each turn on one instance only (cluster/job-lock.ts). */
export function startDecisionReviewScheduler(db: Db, publish: Publish, { redis, intervalMs = 5 * 60_000 }: JobSchedule): () => void {
  const run = () =>
    runJobTurn("decision-reviews", redis, () => runDecisionReviews(db, publish)).catch((error: unknown) =>
      logger.error({ err: error }, "decision reviews failed"),
    );
  void run();
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
