import { remember, type RequestMemo } from "@/server/api/request-memo";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import {
  canManagePoll,
  canViewPoll,
  canVoteInPoll,
  GROUP_SETTINGS_SELECT,
  groupSettingsOf,
  type GroupStanding,
} from "@/server/policy";

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

/**
 * Loads a poll with the caller's standing towards it; invisible polls are NOT_FOUND. The poll, its
 * group's settings and the caller's membership come in one call, with whether the caller is one
 * of its chosen voters and has voted counted beside the poll's row (each a lookup by primary key);
 * the thread's invitation is looked up only for a guest who is not a chosen voter. With a request
 * memo (queries), one lookup serves every call of the request.
 */
export function requirePollAccess(db: Db, userId: string, pollId: string, memo?: RequestMemo): Promise<PollAccess> {
  return remember(memo, `poll-access:${userId}:${pollId}`, () => lookUpPollAccess(db, userId, pollId));
}

async function lookUpPollAccess(db: Db, userId: string, pollId: string): Promise<PollAccess> {
  const row = await db.poll.findUnique({
    where: { id: pollId },
    select: {
      ...pollAccessSelect,
      group: { select: { ...GROUP_SETTINGS_SELECT, memberships: { where: { userId }, select: { role: true } } } },
      // Filtered by the poll too, so that each count reads one row by primary key rather than
      // grouping the caller's (or everyone's) rows across all polls.
      _count: { select: { voters: { where: { pollId, userId } }, participations: { where: { pollId, userId } } } },
    },
  });
  if (!row) throw new AppError("NOT_FOUND", NOT_VISIBLE);
  const { group, _count: counts, ...poll } = row;
  const standing: GroupStanding = { role: group.memberships[0]?.role ?? null, settings: groupSettingsOf(group) };
  if (!standing.role) throw new AppError("NOT_FOUND", NOT_VISIBLE);
  const isChosenVoter = counts.voters > 0;
  const isThreadGuest =
    standing.role === "guest" &&
    !isChosenVoter &&
    poll.threadId !== null &&
    (await db.threadGuest.findUnique({ where: { threadId_userId: { threadId: poll.threadId, userId } }, select: { userId: true } })) !== null;
  const facts = { isChosenVoter, isThreadGuest, restrictVoters: poll.restrictVoters };
  if (!canViewPoll(standing, facts)) throw new AppError("NOT_FOUND", NOT_VISIBLE);
  return {
    poll,
    standing,
    canVote: canVoteInPoll(standing, facts),
    canManage: canManagePoll(standing, { actorId: userId, authorId: poll.authorId }),
    hasVoted: counts.participations > 0,
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
