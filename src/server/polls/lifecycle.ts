import { refuseReopeningAmendmentVote, resolveAfterClose } from "@/server/amendments/resolve";
import { recordAudit } from "@/server/audit/record";
import type { Db } from "@/server/db";
import { recordPollDecision } from "@/server/decisions/sync";
import { syncAdoption } from "@/server/documents/versions/adoption";
import { AppError } from "@/server/errors";
import type { Publish } from "@/server/events";
import { cookAhead } from "@/server/markdown/cook";
import { notify } from "@/server/notifications/notify";
import { pollUrl } from "@/server/notifications/triggers";
import { isClosed, requireManager, requirePollAccess } from "@/server/polls/access";
import { publishPollChange } from "@/server/polls/events";
import { countEligible } from "@/server/polls/verdict";
import { membershipsAllowedWhere } from "@/server/policy";

function requireFuture(closingAt: Date) {
  if (closingAt.getTime() <= Date.now()) throw new AppError("BAD_REQUEST", "Choose a closing time in the future.");
}

export async function closePoll(db: Db, publish: Publish, userId: string, pollId: string) {
  const access = await requirePollAccess(db, userId, pollId);
  requireManager(access);
  if (isClosed(access.poll)) throw new AppError("CONFLICT", "This poll is already closed.");
  await db.$transaction(async (tx) => {
    // Claimed with the eligible voters frozen, so the verdict does not drift as people join or
    // leave; of two closes at once, or a close and the scheduler's, only one counts.
    const eligibleAtClose = await countEligible(tx, access.poll);
    const { count } = await tx.poll.updateMany({ where: { id: pollId, closedAt: null }, data: { closedAt: new Date(), eligibleAtClose } });
    if (!count) throw new AppError("CONFLICT", "This poll is already closed.");
    const title = (await tx.poll.findUniqueOrThrow({ where: { id: pollId }, select: { title: true } })).title;
    await recordAudit(tx, { groupId: access.poll.groupId, actorId: userId, action: "poll.closed", subject: { type: "poll", id: pollId, label: title } });
  });
  publishPollChange(publish, access.poll);
  await resolveAfterClose(db, publish, pollId);
  return { id: pollId };
}

/** Reopens a closed poll, or moves an open poll's closing time: both take a new time in the future. */
export async function setClosingTime(db: Db, publish: Publish, userId: string, pollId: string, closingAt: Date, reopen: boolean) {
  const access = await requirePollAccess(db, userId, pollId);
  requireManager(access);
  requireFuture(closingAt);
  if (reopen !== isClosed(access.poll)) {
    throw new AppError("CONFLICT", reopen ? "This poll is still open: extend it instead." : "This poll is closed: reopen it instead.");
  }
  // Its results are out once it closes: comparing them with the results of a second close would
  // show how the people who voted in between voted.
  if (reopen && access.poll.anonymous) {
    throw new AppError("BAD_REQUEST", "An anonymous poll cannot be reopened: its results are out, and the next results would show how anyone who voted in between voted. Start a new poll instead.");
  }
  if (reopen) await refuseReopeningAmendmentVote(db, pollId);
  await db.$transaction(async (tx) => {
    const { title } = await tx.poll.update({
      where: { id: pollId },
      data: { closingAt, closedAt: null, reminderSentAt: null, eligibleAtClose: null, ...(reopen && { outcomeStatement: null, outcomeAt: null, outcomeOptionId: null, outcomeReviewOn: null, outcomeAuthorId: null }) },
      select: { title: true },
    });
    if (reopen) {
      const subject = { type: "poll" as const, id: pollId, label: title };
      await recordAudit(tx, { groupId: access.poll.groupId, actorId: userId, action: "poll.reopened", subject, after: { closingAt: closingAt.toISOString() } });
    }
  });
  const adoptedIn = reopen ? await syncAdoption(db, pollId) : null;
  if (reopen) await recordPollDecision(db, publish, pollId);
  publishPollChange(publish, access.poll, adoptedIn);
  return { id: pollId };
}

/** The outcome statement after a poll closes; the group's members hear about it in Hearth and by email. */
export async function setOutcome(
  db: Db,
  publish: Publish,
  userId: string,
  input: { id: string; statement: string; optionId?: string; reviewOn?: Date },
) {
  const access = await requirePollAccess(db, userId, input.id);
  requireManager(access);
  if (!isClosed(access.poll)) throw new AppError("BAD_REQUEST", "Close the poll before writing its outcome.");
  if (input.optionId) {
    const option = await db.pollOption.findFirst({ where: { id: input.optionId, pollId: input.id }, select: { id: true } });
    if (!option) throw new AppError("BAD_REQUEST", "That option is not part of this poll.");
  }
  const poll = await db.poll.update({
    where: { id: input.id },
    data: {
      closedAt: access.poll.closedAt ?? access.poll.closingAt,
      // Past its closing time but not yet closed by the scheduler: the eligible voters are frozen here.
      ...(access.poll.closedAt === null && { eligibleAtClose: await countEligible(db, access.poll) }),
      outcomeStatement: input.statement,
      outcomeOptionId: input.optionId ?? null,
      outcomeReviewOn: input.reviewOn ?? null,
      outcomeAuthorId: userId,
      outcomeAt: new Date(),
    },
    select: {
      title: true,
      group: {
        select: {
          memberships: { where: { ...membershipsAllowedWhere("thread.viewAll"), userId: { not: userId } }, select: { userId: true } },
        },
      },
    },
  });
  cookAhead(input.statement);
  if (access.poll.closedAt === null) await resolveAfterClose(db, publish, input.id);
  publishPollChange(publish, access.poll, await syncAdoption(db, input.id));
  await recordPollDecision(db, publish, input.id);
  await notify(db, publish, {
    recipients: poll.group.memberships.map(({ userId: memberId }) => memberId),
    kind: "poll_outcome",
    actorId: userId,
    groupId: access.poll.groupId,
    title: poll.title,
    url: pollUrl({ id: input.id, threadId: access.poll.threadId }),
    details: [input.statement],
  });
  return { id: input.id };
}
