import { publishAmendmentChange } from "@/server/amendments/events";
import { rankedOutcome, writeAlternative } from "@/server/amendments/ranked";
import type { Db } from "@/server/db";
import { recordAdoptedAmendment } from "@/server/decisions/sync";
import { applyServerUpdate } from "@/server/documents/live";
import { loadDocumentState } from "@/server/documents/persistence";
import { holdingCheckpoints, recordVersion } from "@/server/documents/versions/checkpoints";
import { AppError } from "@/server/errors";
import type { Publish } from "@/server/events";
import { logger } from "@/server/logger";
import { computePollVerdict, verdictSelect } from "@/server/polls/verdict";
import { decisionUpdate } from "@/server/suggestions/yjs";

export const adoptedVersionName = (number: number) => `Amendment ${number} adopted`;

/** Older than this, an open amendment without a poll lost it (deleted), rather than being proposed right now. */
const ORPHAN_AFTER_MS = 10 * 60 * 1000;
/** Older than this, an adopted amendment without its version was interrupted between its claim and its change. */
const UNFINISHED_AFTER_MS = 60 * 1000;
/** Each sweep takes at most this many of each kind; the next turn takes the rest. */
const SWEEP_BATCH = 50;

/**
 * Makes a decided amendment's change in the text, once whatever happens: its suggestions are
 * accepted (adopted) or rejected on the server's copy of the document, as one update that reaches
 * open editors like any edit (only what is still marked changes, so a rerun changes nothing), and
 * an adopted one gets its named version and its decision. Run right after the claim, and again
 * by the sweep when a crash came in between.
 */
export async function applyAmendment(db: Db, publish: Publish, amendmentId: string): Promise<void> {
  const amendment = await db.amendment.findUnique({
    where: { id: amendmentId },
    select: {
      id: true,
      number: true,
      documentId: true,
      status: true,
      result: true,
      versionId: true,
      decidedAt: true,
      proposedById: true,
      document: { select: { groupId: true } },
      passage: true,
      replacement: true,
      competesWith: { select: { id: true, number: true } },
      poll: { select: { id: true, title: true } },
      suggestions: { select: { id: true } },
    },
  });
  if (!amendment || amendment.status === "open") return;
  const { competesWith } = amendment;
  const accept = amendment.status === "adopted";
  const ids = amendment.suggestions.map(({ id }) => id);
  const { documentId } = amendment;
  await db.suggestion.updateMany({
    where: { amendmentId, status: "open" },
    data: { status: accept ? "accepted" : "rejected", decidedAt: amendment.decidedAt ?? new Date(), decidedById: null },
  });
  await holdingCheckpoints(documentId, async () => {
    if (accept && competesWith) {
      if (amendment.versionId) return;
      if (!(await writeAlternative(db, publish, { ...amendment, competesWith }))) return;
    } else {
      const update = decisionUpdate(await loadDocumentState(db, documentId), ids, accept);
      if (update) await applyServerUpdate(db, publish, documentId, update, null);
    }
    if (!accept || amendment.versionId) return;
    const state = await loadDocumentState(db, documentId);
    const version = await recordVersion(db, { documentId, kind: "named", name: adoptedVersionName(amendment.number), state, createdById: null });
    const { count } = await db.amendment.updateMany({ where: { id: amendmentId, versionId: null }, data: { versionId: version.id } });
    if (!count) {
      await db.documentVersion.delete({ where: { id: version.id } });
      return;
    }
    if (amendment.poll) {
      await recordAdoptedAmendment(db, publish, {
        groupId: amendment.document.groupId,
        pollId: amendment.poll.id,
        versionId: version.id,
        title: amendment.poll.title,
        result: `${adoptedVersionName(amendment.number)}. ${amendment.result}`.trim(),
        decidedAt: amendment.decidedAt ?? new Date(),
        ownerId: amendment.proposedById,
      });
    }
  });
  if (!competesWith) {
    // Alternatives proposed to it but never put to a ranked vote beside it end with it.
    await db.amendment.updateMany({
      where: { competesWithId: amendmentId, status: "open", pollId: null },
      data: { status: "withdrawn", result: `Withdrawn: Amendment ${amendment.number} was decided without it.`, decidedAt: amendment.decidedAt ?? new Date() },
    });
  }
  publishAmendmentChange(publish, documentId);
}

/** Claims one amendment's fate (open → adopted or rejected, once), then makes it. */
async function decide(db: Db, publish: Publish, amendment: { id: string; pollId: string }, adopted: boolean, result: string): Promise<boolean> {
  const { count } = await db.amendment.updateMany({
    where: { id: amendment.id, pollId: amendment.pollId, status: "open" },
    data: { status: adopted ? "adopted" : "rejected", result, decidedAt: new Date() },
  });
  if (!count) return false;
  await applyAmendment(db, publish, amendment.id);
  return true;
}

/**
 * Resolves amendments decided together by a closed ranked vote: all claimed in one transaction
 * (the Schulze winner adopted, the others rejected), so of two resolvers one decides them all;
 * then the winner is made first, since writing an alternative needs the original's suggestion
 * still in the text to find the passage, and the others after it.
 */
async function resolveRanked(db: Db, publish: Publish, pollId: string, amendments: { id: string; number: number }[]): Promise<number> {
  const { winnerId, resultOf } = await rankedOutcome(db, pollId, amendments);
  const decidedAt = new Date();
  const claimed = await db.$transaction(async (tx) => {
    let count = 0;
    for (const amendment of amendments) {
      const adopted = amendment.id === winnerId;
      const claim = await tx.amendment.updateMany({
        where: { id: amendment.id, pollId, status: "open" },
        data: { status: adopted ? "adopted" : "rejected", result: resultOf(amendment), decidedAt },
      });
      count += claim.count;
    }
    return count;
  });
  if (!claimed) return 0;
  const winnerFirst = [...amendments].sort((a, b) => Number(b.id === winnerId) - Number(a.id === winnerId));
  for (const amendment of winnerFirst) await applyAmendment(db, publish, amendment.id);
  return claimed;
}

/**
 * Resolves the open amendments of a closed poll: adopted when it passed under its rules, rejected
 * with the verdict otherwise; a ranked vote between competing amendments adopts its winner. Each amendment is claimed first, so two close events, the sweep, or two server instances apply it once.
 * Returns how many this call decided.
 */
export async function resolvePollAmendments(db: Db, publish: Publish, pollId: string): Promise<number> {
  const poll = await db.poll.findUnique({
    where: { id: pollId },
    select: { ...verdictSelect, amendments: { where: { status: "open" }, select: { id: true, number: true }, orderBy: { number: "asc" } } },
  });
  if (!poll?.closedAt || poll.amendments.length === 0) return 0;
  if (poll.kind === "ranked_choice") return resolveRanked(db, publish, pollId, poll.amendments);
  const verdict = await computePollVerdict(db, poll);
  const passed = verdict?.passed === true;
  const result = verdict?.text || "Not passed: the vote had no rule to pass under.";
  let decided = 0;
  for (const amendment of poll.amendments) if (await decide(db, publish, { id: amendment.id, pollId }, passed, result)) decided += 1;
  return decided;
}

/** For the close paths: the close itself has succeeded, so a failure here is logged and left to the sweep. */
export async function resolveAfterClose(db: Db, publish: Publish, pollId: string): Promise<void> {
  try {
    await resolvePollAmendments(db, publish, pollId);
  } catch (error) {
    logger.error({ err: error, pollId }, "amendments not resolved at close; the poll schedule will retry");
  }
}

/**
 * Each turn of the poll schedule: closed polls whose amendments are still open (a crash between
 * the close and the resolution), adopted amendments without their version (a crash after the
 * claim), and open amendments whose poll was deleted (withdrawn, their suggestions rejected).
 */
export async function sweepAmendments(db: Db, publish: Publish, now = new Date()): Promise<number> {
  let done = 0;
  const polls = await db.poll.findMany({
    where: { closedAt: { not: null }, amendments: { some: { status: "open" } } },
    select: { id: true },
    take: SWEEP_BATCH,
  });
  for (const { id } of polls) done += await resolvePollAmendments(db, publish, id);
  const unfinished = await db.amendment.findMany({
    where: { status: "adopted", versionId: null, decidedAt: { lt: new Date(now.getTime() - UNFINISHED_AFTER_MS) } },
    select: { id: true },
    take: SWEEP_BATCH,
  });
  for (const { id } of unfinished) await applyAmendment(db, publish, id);
  const orphans = await db.amendment.findMany({
    // Alternatives have no poll of their own: they end with the amendment they compete with.
    where: { status: "open", pollId: null, competesWithId: null, createdAt: { lt: new Date(now.getTime() - ORPHAN_AFTER_MS) } },
    select: { id: true },
    take: SWEEP_BATCH,
  });
  for (const { id } of orphans) {
    const { count } = await db.amendment.updateMany({
      where: { id, status: "open", pollId: null },
      data: { status: "withdrawn", result: "Withdrawn: the poll deciding it was deleted.", decidedAt: now },
    });
    if (count) {
      await applyAmendment(db, publish, id);
      done += 1;
    }
  }
  return done + unfinished.length;
}

/** A poll that decided amendments is not reopened: its result is already in the text. */
export async function refuseReopeningAmendmentVote(db: Db, pollId: string): Promise<void> {
  const amendment = await db.amendment.findFirst({ where: { pollId }, select: { number: true }, orderBy: { number: "asc" } });
  if (amendment) {
    throw new AppError(
      "CONFLICT",
      `This vote decided Amendment ${amendment.number}, and its result is already in the text: propose a new amendment instead of reopening it.`,
    );
  }
}
