import type { Prisma } from "@/generated/prisma/client.ts";
import type { Db } from "@/server/db";
import { isUniqueViolation } from "@/server/db/unique-violation";
import type { Publish } from "@/server/events";
import { verdictFor } from "@/server/polls/verdict";

/**
 * Decisions come from two places: a poll's outcome, and a document version adopted through its
 * proposal. Both are written here, and both are kept when their source is withdrawn (a reopened
 * poll, an adoption undone): the entry then shows as withdrawn, and nothing written on it is lost.
 */

/** Open registers and decision pages of the group refetch; ids only, to the group's room. */
export function publishDecisionChange(publish: Publish, decision: { id: string; groupId: string }): void {
  publish({ name: "decision.changed", room: `group:${decision.groupId}`, payload: { groupId: decision.groupId, decisionId: decision.id } });
}

export const adoptedResult = (versionName: string | null) => `Adopted version “${versionName ?? "unnamed"}”`;

/** Creates the row, or, when another request created it first, leaves it to `update`. */
async function createOnce(create: () => Promise<unknown>): Promise<boolean> {
  try {
    await create();
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

/**
 * Called after a poll's outcome is set or cleared. An outcome creates the poll's decision or
 * brings it up to date (question, result, verdict, date; a review date the outcome gives); the
 * owner defaults to the outcome's author and is kept once someone chose one. A cleared outcome
 * changes nothing stored: the decision shows as withdrawn until a new outcome is written.
 */
export async function recordPollDecision(db: Db, publish: Publish, pollId: string): Promise<void> {
  const poll = await db.poll.findUnique({
    where: { id: pollId },
    select: {
      groupId: true,
      title: true,
      outcomeStatement: true,
      outcomeAt: true,
      outcomeReviewOn: true,
      outcomeAuthorId: true,
      decision: { select: { id: true, reviewOn: true } },
    },
  });
  if (!poll) return;
  if (poll.outcomeAt && poll.outcomeStatement !== null) {
    const fields = { title: poll.title, result: poll.outcomeStatement, verdict: await verdictFor(db, pollId), decidedAt: poll.outcomeAt };
    const created =
      !poll.decision &&
      (await createOnce(() =>
        db.decision.create({
          data: { groupId: poll.groupId, pollId, ...fields, reviewOn: poll.outcomeReviewOn, ownerId: poll.outcomeAuthorId },
          select: { id: true },
        }),
      ));
    if (!created) {
      const newReview = poll.outcomeReviewOn && poll.outcomeReviewOn.getTime() !== poll.decision?.reviewOn?.getTime();
      await db.decision.update({
        where: { pollId },
        data: { ...fields, ...(newReview && { reviewOn: poll.outcomeReviewOn, reviewRemindedAt: null }) },
        select: { id: true },
      });
      if (poll.outcomeAuthorId) await db.decision.updateMany({ where: { pollId, ownerId: null }, data: { ownerId: poll.outcomeAuthorId } });
    }
  }
  const decision = await db.decision.findUnique({ where: { pollId }, select: { id: true, groupId: true } });
  if (decision) publishDecisionChange(publish, decision);
}

/**
 * Called when a document version becomes adopted: its decision, titled with the document and
 * dated when it was adopted, owned by whoever wrote the adopting outcome. Adopted again after
 * being withdrawn, the same decision is brought up to date.
 */
export async function recordAdoptedVersion(db: Db, versionId: string): Promise<void> {
  const version = await db.documentVersion.findUnique({
    where: { id: versionId },
    select: { name: true, adoptedAt: true, document: { select: { title: true, groupId: true } }, poll: { select: { outcomeAuthorId: true } } },
  });
  if (!version?.adoptedAt) return;
  const fields = { title: version.document.title, result: adoptedResult(version.name), decidedAt: version.adoptedAt };
  const created = await createOnce(() =>
    db.decision.create({
      data: { groupId: version.document.groupId, documentVersionId: versionId, ...fields, ownerId: version.poll?.outcomeAuthorId ?? null },
      select: { id: true },
    }),
  );
  if (!created) await db.decision.update({ where: { documentVersionId: versionId }, data: fields, select: { id: true } });
}

/**
 * Called when an amendment is adopted by its poll: the poll's one decision, linked to the version
 * "Amendment N adopted" (and through it to the document), owned by whoever proposed it. An outcome
 * written on the poll later brings the same decision up to date.
 */
export async function recordAdoptedAmendment(
  db: Db,
  publish: Publish,
  args: { groupId: string; pollId: string; versionId: string; title: string; result: string; decidedAt: Date; ownerId: string },
): Promise<void> {
  const fields = { title: args.title, result: args.result, verdict: await verdictFor(db, args.pollId), decidedAt: args.decidedAt, documentVersionId: args.versionId };
  const created = await createOnce(() =>
    db.decision.create({ data: { groupId: args.groupId, pollId: args.pollId, ownerId: args.ownerId, ...fields }, select: { id: true } }),
  );
  if (!created) await db.decision.update({ where: { pollId: args.pollId }, data: fields, select: { id: true } });
  const decision = await db.decision.findUnique({ where: { pollId: args.pollId }, select: { id: true, groupId: true } });
  if (decision) publishDecisionChange(publish, decision);
}

/** At most this many missing decisions are filled in per call; the next call takes the rest. */
const FILL_BATCH = 200;

/**
 * Outcomes and adoptions from before the register existed, or brought in by an import (Loomio or
 * Hearth), get their decisions: in one group (when its register is read) or in every group (each
 * turn of the review job, so imported review dates are reminded of). Two queries when nothing is
 * missing, one insert for what is. Safe to run concurrently: the unique pollId and
 * documentVersionId refuse a second copy.
 */
export async function fillMissingDecisions(db: Db, groupId: string | null): Promise<number> {
  const inGroup = groupId ? { groupId } : {};
  const [polls, versions] = await Promise.all([
    db.poll.findMany({
      where: { ...inGroup, outcomeAt: { not: null }, outcomeStatement: { not: null }, decision: { is: null } },
      select: { id: true, groupId: true, title: true, outcomeStatement: true, outcomeAt: true, outcomeReviewOn: true, outcomeAuthorId: true },
      take: FILL_BATCH,
    }),
    db.documentVersion.findMany({
      where: { adoptedAt: { not: null }, decision: { is: null }, ...(groupId && { document: { groupId } }) },
      select: { id: true, name: true, adoptedAt: true, document: { select: { title: true, groupId: true } }, poll: { select: { outcomeAuthorId: true } } },
      take: FILL_BATCH,
    }),
  ]);
  if (polls.length === 0 && versions.length === 0) return 0;
  const verdicts = await Promise.all(polls.map((poll) => verdictFor(db, poll.id)));
  const rows: Prisma.DecisionCreateManyInput[] = [
    ...polls.map((poll, index) => ({
      groupId: poll.groupId,
      pollId: poll.id,
      title: poll.title,
      result: poll.outcomeStatement ?? "",
      verdict: verdicts[index] ?? "",
      decidedAt: poll.outcomeAt ?? new Date(),
      reviewOn: poll.outcomeReviewOn,
      ownerId: poll.outcomeAuthorId,
    })),
    ...versions.map((version) => ({
      groupId: version.document.groupId,
      documentVersionId: version.id,
      title: version.document.title,
      result: adoptedResult(version.name),
      decidedAt: version.adoptedAt ?? new Date(),
      ownerId: version.poll?.outcomeAuthorId ?? null,
    })),
  ];
  // All at once; if another request filled some in meanwhile, one at a time, skipping those.
  if (await createOnce(() => db.decision.createMany({ data: rows }))) return rows.length;
  let created = 0;
  for (const row of rows) if (await createOnce(() => db.decision.create({ data: row, select: { id: true } }))) created += 1;
  return created;
}
