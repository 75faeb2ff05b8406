import { randomBytes, randomUUID } from "node:crypto";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import type { Publish } from "@/server/events";
import { isClosed, requirePollAccess } from "@/server/polls/access";
import { checkBallot } from "@/server/polls/ballot-rules";
import { publishPollChange } from "@/server/polls/events";
import type { VoteInput } from "@/server/polls/schemas";

/** Ten characters from an alphabet without look-alikes, easy to copy by hand. */
function newReceipt(): string {
  const alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
  return [...randomBytes(10)].map((byte) => alphabet[byte % alphabet.length]).join("");
}

/**
 * Records a vote. In anonymous polls the ballot is stored with no voter, a random id and no
 * time, and the participation record says only that the person voted; a changed anonymous vote
 * is found by the receipt the voter was given, because nothing else links the two.
 */
export async function castVote(db: Db, publish: Publish, userId: string, input: VoteInput): Promise<{ receipt: string }> {
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
      options: { select: { id: true } },
    },
  });
  const reason = input.reason?.trim() ?? "";
  const checked = checkBallot({ ...rules, optionIds: rules.options.map(({ id }) => id) }, input.choices, reason);
  if (!checked.ok) throw new AppError("BAD_REQUEST", checked.message);

  const previous = access.hasVoted ? await previousBallot(db, userId, poll, input.receipt) : null;
  const receipt = newReceipt();
  await db.$transaction([
    ...(previous ? [db.ballot.update({ where: { id: previous }, data: { supersededAt: new Date() } })] : []),
    db.ballot.create({
      data: {
        id: randomUUID(),
        pollId: poll.id,
        voterId: poll.anonymous ? null : userId,
        castAt: poll.anonymous ? null : new Date(),
        reason,
        receipt,
        choices: { create: checked.choices },
      },
    }),
    db.pollParticipation.upsert({
      where: { pollId_userId: { pollId: poll.id, userId } },
      create: { pollId: poll.id, userId },
      update: { votedAt: new Date() },
    }),
  ]);
  publishPollChange(publish, poll);
  return { receipt };
}

async function previousBallot(db: Db, userId: string, poll: { id: string; anonymous: boolean }, receipt: string | undefined) {
  if (!poll.anonymous) {
    const ballot = await db.ballot.findFirst({ where: { pollId: poll.id, voterId: userId, supersededAt: null }, select: { id: true } });
    return ballot?.id ?? null;
  }
  if (!receipt) {
    throw new AppError("BAD_REQUEST", "To change an anonymous vote, give the receipt code you got when you voted.");
  }
  const ballot = await db.ballot.findFirst({ where: { pollId: poll.id, receipt: receipt.trim().toUpperCase(), supersededAt: null }, select: { id: true } });
  if (!ballot) throw new AppError("BAD_REQUEST", "That receipt does not match a current vote in this poll.");
  return ballot.id;
}
