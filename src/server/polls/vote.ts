import { randomUUID } from "node:crypto";
import type { Prisma } from "@/generated/prisma/client.ts";
import type { Db } from "@/server/db";
import { isUniqueViolation } from "@/server/db/unique-violation";
import { AppError } from "@/server/errors";
import type { Publish } from "@/server/events";
import { resolveVoteRequests } from "@/server/notifications/vote-requests";
import { type PollAccess, isClosed, isNotYetOpen, requirePollAccess } from "@/server/polls/access";
import { checkBallot } from "@/server/polls/ballot-rules";
import { changeKeyMatches, hashChangeKey, newChangeKey, newReceipt, normaliseCode } from "@/server/polls/change-key";
import { publishPollChange } from "@/server/polls/events";
import type { VoteInput, VoteResult } from "@/server/polls/schemas";
import { missingReason } from "@/server/polls/voting-rules";

const JUST_VOTED = "You have just voted in this poll from another tab or device. Refresh the page to see your vote.";
const JUST_CHANGED = "Your vote has just been changed from another tab or device. Refresh the page to see it.";

/**
 * Records a vote. In anonymous polls the ballot is stored with no voter, a random id and no
 * time, and the participation record says only that the person voted; a changed anonymous vote
 * is found by its receipt and proven by the change key given with it, because nothing else links
 * the voter to the ballot. The key is returned once and only its hash is kept.
 */
export async function castVote(db: Db, publish: Publish, userId: string, input: VoteInput): Promise<VoteResult> {
  const access = await requirePollAccess(db, userId, input.pollId);
  const { poll } = access;
  if (isClosed(poll)) throw new AppError("BAD_REQUEST", "This poll is closed, so it takes no more votes.");
  if (!access.canVote) throw new AppError("FORBIDDEN", "You are not one of the voters in this poll.");
  if (access.hasVoted && !poll.allowChangeVote) {
    throw new AppError("CONFLICT", "You have already voted, and this poll does not allow changing votes.");
  }

  const rules = await db.poll.findUniqueOrThrow({
    where: { id: poll.id },
    select: {
      kind: true,
      minChoices: true,
      maxChoices: true,
      dotsPerPerson: true,
      scoreMin: true,
      scoreMax: true,
      reasonRequired: true,
      reasonRequiredFor: true,
      opensAt: true,
      options: { select: { id: true, name: true } },
    },
  });
  if (isNotYetOpen(rules)) throw new AppError("BAD_REQUEST", `This poll opens for votes on ${rules.opensAt!.toUTCString()}. Come back then to vote.`);
  const reason = input.reason?.trim() ?? "";
  const checked = checkBallot({ ...rules, optionIds: rules.options.map(({ id }) => id) }, input.choices, reason);
  if (!checked.ok) throw new AppError("BAD_REQUEST", checked.message);
  const chosen = new Set(checked.choices.map(({ optionId }) => optionId));
  const needsReason = missingReason(rules.reasonRequiredFor, rules.options.filter(({ id }) => chosen.has(id)).map(({ name }) => name), reason);
  if (needsReason) throw new AppError("BAD_REQUEST", needsReason);

  const previous = access.hasVoted ? await currentBallot(db, userId, poll, input) : null;
  const receipt = newReceipt();
  const changeKey = poll.anonymous ? newChangeKey() : null;
  await db.$transaction(async (tx) => {
    if (poll.anonymous) await lockPollBallots(tx, poll.id);
    await claim(tx, userId, access, previous);
    const ballot = {
      id: randomUUID(),
      pollId: poll.id,
      voterId: poll.anonymous ? null : userId,
      castAt: poll.anonymous ? null : new Date(),
      reason,
      receipt,
      changeKeyHash: changeKey === null ? null : hashChangeKey(changeKey),
    };
    if (poll.anonymous) await rewriteAnonymousBallots(tx, poll.id, { ...ballot, choices: checked.choices });
    else await tx.ballot.create({ data: { ...ballot, choices: { create: checked.choices } } });
  });
  publishPollChange(publish, poll);
  await resolveVoteRequests(db, userId, poll);
  return { receipt, changeKey };
}

/**
 * Claims the right to write a ballot before writing it, so that of two votes sent at once only
 * one counts: a first vote claims the participation row (one per person and poll), a change
 * claims the ballot it replaces. The loser writes nothing and is told why.
 */
async function claim(tx: Prisma.TransactionClient, userId: string, access: PollAccess, previous: string | null): Promise<void> {
  const { poll } = access;
  if (!access.hasVoted) {
    try {
      await tx.pollParticipation.create({ data: { pollId: poll.id, userId } });
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError("CONFLICT", JUST_VOTED);
      throw error;
    }
    return;
  }
  if (previous === null) throw new AppError("CONFLICT", JUST_CHANGED);
  const replaced = { id: previous, supersededAt: null };
  // An anonymous ballot kept as superseded would carry the time of the change, which the voter's
  // request also has: it is deleted instead, and the participation keeps its first time.
  const { count } = poll.anonymous
    ? await tx.ballot.deleteMany({ where: replaced })
    : await tx.ballot.updateMany({ where: replaced, data: { supersededAt: new Date() } });
  if (count === 0) throw new AppError("CONFLICT", JUST_CHANGED);
  if (!poll.anonymous) {
    await tx.pollParticipation.update({ where: { pollId_userId: { pollId: poll.id, userId } }, data: { votedAt: new Date() } });
  }
}

/** The ballot a change replaces: the voter's own, or in anonymous polls the one the change code proves is theirs. */
async function currentBallot(db: Db, userId: string, poll: PollAccess["poll"], input: VoteInput): Promise<string | null> {
  if (!poll.anonymous) {
    const ballot = await db.ballot.findFirst({ where: { pollId: poll.id, voterId: userId, supersededAt: null }, select: { id: true } });
    return ballot?.id ?? null;
  }
  if (!input.receipt) {
    throw new AppError("BAD_REQUEST", "To change an anonymous vote, give the change code you got when you voted.");
  }
  if (!input.changeKey) {
    throw new AppError("BAD_REQUEST", "A receipt alone cannot change an anonymous vote: give the whole change code you got when you voted.");
  }
  const ballot = await db.ballot.findFirst({
    where: { pollId: poll.id, receipt: normaliseCode(input.receipt), supersededAt: null },
    select: { id: true, changeKeyHash: true },
  });
  if (ballot && ballot.changeKeyHash === null) {
    throw new AppError("BAD_REQUEST", "This vote was cast before change codes existed, so it cannot be changed.");
  }
  if (!ballot || !changeKeyMatches(input.changeKey, ballot.changeKeyHash)) {
    throw new AppError("BAD_REQUEST", "That change code does not match a current vote in this poll. Check that you copied all of it.");
  }
  return ballot.id;
}

/** Takes the poll's row lock, so that two anonymous votes rewrite its ballots one after the other. */
async function lockPollBallots(tx: Prisma.TransactionClient, pollId: string): Promise<void> {
  await tx.$executeRaw`UPDATE "Poll" SET "id" = "id" WHERE "id" = ${pollId}`;
}

type NewBallot = Omit<Prisma.BallotCreateManyInput, "choices"> & { id: string; choices: Omit<Prisma.BallotChoiceCreateManyInput, "ballotId">[] };

/**
 * Writes an anonymous poll's ballots again, all of them, in the order of their random ids. A
 * database keeps traces of when each row was written: PostgreSQL's row versions carry the id of
 * the transaction that wrote them (xmin, which the voter's participation row shares) and sit in
 * the order they were written. Rewritten together, every ballot has the same writer and the
 * order of its id, so neither says which ballot came with which person's vote.
 */
async function rewriteAnonymousBallots(tx: Prisma.TransactionClient, pollId: string, added: NewBallot): Promise<void> {
  const kept = await tx.ballot.findMany({
    where: { pollId },
    select: { id: true, pollId: true, reason: true, receipt: true, changeKeyHash: true, choices: { select: { optionId: true, score: true, rank: true } } },
  });
  const ballots = [...kept, added].sort((a, b) => (a.id < b.id ? -1 : 1));
  await tx.ballot.deleteMany({ where: { pollId } });
  await tx.ballot.createMany({
    data: ballots.map(({ choices: _choices, ...ballot }) => ({ ...ballot, voterId: null, castAt: null, supersededAt: null })),
  });
  const choices = ballots.flatMap((ballot) => ballot.choices.map((choice) => ({ ...choice, id: randomUUID(), ballotId: ballot.id })));
  await tx.ballotChoice.createMany({ data: choices.sort((a, b) => (a.id < b.id ? -1 : 1)) });
}
