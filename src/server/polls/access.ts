import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { getStanding } from "@/server/groups/standing";
import { canManagePoll, canViewPoll, canVoteInPoll, type GroupStanding } from "@/server/policy";

const NOT_VISIBLE = "That poll does not exist, or you cannot see it.";

export const pollAccessSelect = {
  id: true,
  groupId: true,
  threadId: true,
  authorId: true,
  kind: true,
  anonymous: true,
  closingAt: true,
  closedAt: true,
  allowChangeVote: true,
  restrictVoters: true,
} as const;

export type PollAccess = {
  poll: {
    id: string;
    groupId: string;
    threadId: string | null;
    authorId: string;
    kind: string;
    anonymous: boolean;
    closingAt: Date;
    closedAt: Date | null;
    allowChangeVote: boolean;
    restrictVoters: boolean;
  };
  standing: GroupStanding;
  canVote: boolean;
  canManage: boolean;
  hasVoted: boolean;
};

/** Loads a poll with the caller's standing towards it; invisible polls are NOT_FOUND. */
export async function requirePollAccess(db: Db, userId: string, pollId: string): Promise<PollAccess> {
  const row = await db.poll.findUnique({
    where: { id: pollId },
    select: {
      ...pollAccessSelect,
      voters: { where: { userId }, select: { userId: true } },
      participations: { where: { userId }, select: { userId: true } },
      thread: { select: { guests: { where: { userId }, select: { userId: true } } } },
    },
  });
  if (!row) throw new AppError("NOT_FOUND", NOT_VISIBLE);
  const { voters, participations, thread, ...poll } = row;
  const standing = await getStanding(db, userId, poll.groupId);
  const isChosenVoter = voters.length > 0;
  const facts = { isChosenVoter, isThreadGuest: (thread?.guests.length ?? 0) > 0, restrictVoters: poll.restrictVoters };
  if (!standing.role || !canViewPoll(standing, facts)) throw new AppError("NOT_FOUND", NOT_VISIBLE);
  return {
    poll,
    standing,
    canVote: canVoteInPoll(standing, facts),
    canManage: canManagePoll(standing, { actorId: userId, authorId: poll.authorId }),
    hasVoted: participations.length > 0,
  };
}

export function isClosed(poll: { closedAt: Date | null; closingAt: Date }, now = new Date()): boolean {
  return poll.closedAt !== null || poll.closingAt <= now;
}

/** A scheduled poll before its opening time: announced, but taking no votes yet. */
export function isNotYetOpen(poll: { opensAt: Date | null }, now = new Date()): boolean {
  return poll.opensAt !== null && poll.opensAt > now;
}

export function requireManager(access: PollAccess): void {
  if (!access.canManage) throw new AppError("FORBIDDEN", "Only the person who started the poll or a group admin can do that.");
}
