import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { canInGroup, pollViewersWhere } from "@/server/policy";
import { requirePollAccess } from "@/server/polls/access";
import type { OutcomeSeenBy } from "@/server/outcomes/schemas";

async function outcomeAtOf(db: Db, pollId: string): Promise<Date | null> {
  const poll = await db.poll.findUniqueOrThrow({ where: { id: pollId }, select: { outcomeAt: true } });
  return poll.outcomeAt;
}

/**
 * Stores that the caller has seen the poll's outcome as it is now; the page calls it when it shows
 * the outcome. A poll without an outcome has nothing to have seen.
 */
export async function markOutcomeSeen(db: Db, userId: string, pollId: string): Promise<{ seenAt: Date }> {
  await requirePollAccess(db, userId, pollId);
  if (!(await outcomeAtOf(db, pollId))) throw new AppError("BAD_REQUEST", "This poll has no outcome yet, so there is nothing to have seen.");
  const seenAt = new Date();
  await db.outcomeSeen.upsert({
    where: { pollId_userId: { pollId, userId } },
    create: { pollId, userId, seenAt },
    update: { seenAt },
    select: { seenAt: true },
  });
  return { seenAt };
}

/**
 * Who has seen the poll's current outcome, out of everyone who can see the poll now. A view from
 * before the outcome was (re)written does not count, so a new outcome starts again from nobody.
 * Names for those who may see the group's members (thread.viewSeenByNames); guests get numbers.
 */
export async function getOutcomeSeenBy(db: Db, userId: string, pollId: string): Promise<OutcomeSeenBy> {
  const { poll, standing } = await requirePollAccess(db, userId, pollId);
  const outcomeAt = await outcomeAtOf(db, pollId);
  const audience = pollViewersWhere(poll);
  const withNames = canInGroup(standing, "thread.viewSeenByNames");
  if (!outcomeAt) return { seen: 0, of: await db.user.count({ where: audience }), people: withNames ? [] : null };
  const seenWhere = { AND: [audience, { outcomesSeen: { some: { pollId, seenAt: { gte: outcomeAt } } } }] };
  const [of, people] = await Promise.all([
    db.user.count({ where: audience }),
    withNames
      ? db.user.findMany({ where: seenWhere, select: { id: true, name: true }, orderBy: [{ name: "asc" }, { id: "asc" }] })
      : db.user.count({ where: seenWhere }),
  ]);
  return typeof people === "number" ? { seen: people, of, people: null } : { seen: people.length, of, people };
}
