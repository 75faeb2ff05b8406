import { remember, type RequestMemo } from "@/server/api/request-memo";
import type { Db } from "@/server/db";
import type { SqlExists } from "@/server/db/sql-exists";
import { AppError } from "@/server/errors";
import {
  canManagePoll,
  canViewPoll,
  canVoteInPoll,
  type GroupStanding,
} from "@/server/policy";
import { membershipJoin, STANDING_COLUMNS, standingOf, type StandingColumns } from "@/server/groups/standing";

const NOT_VISIBLE = "That poll does not exist, or you cannot see it.";

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

/**
 * The poll, its group's settings, the caller's membership, and whether the caller is one of its
 * chosen voters, has voted, and is a guest of its thread: one query (groups/standing.ts), each
 * fact a lookup by primary key.
 */
async function lookUpPollAccess(db: Db, userId: string, pollId: string): Promise<PollAccess> {
  const [row] = await db.$queryRaw<(PollAccess["poll"] & StandingColumns & Record<"isChosenVoter" | "hasVoted" | "isThreadGuest", SqlExists>)[]>`
    SELECT p."id", p."groupId", p."threadId", p."authorId", p."kind", p."anonymous", p."closingAt", p."closedAt",
           p."allowChangeVote", p."restrictVoters", ${STANDING_COLUMNS},
           EXISTS (SELECT 1 FROM "PollVoter" AS v WHERE v."pollId" = p."id" AND v."userId" = ${userId}) AS "isChosenVoter",
           EXISTS (SELECT 1 FROM "PollParticipation" AS pp WHERE pp."pollId" = p."id" AND pp."userId" = ${userId}) AS "hasVoted",
           EXISTS (SELECT 1 FROM "ThreadGuest" AS tg WHERE tg."threadId" = p."threadId" AND tg."userId" = ${userId}) AS "isThreadGuest"
    FROM "Poll" AS p JOIN "Group" AS g ON g."id" = p."groupId" ${membershipJoin(userId)}
    WHERE p."id" = ${pollId}`;
  if (!row) throw new AppError("NOT_FOUND", NOT_VISIBLE);
  const standing = standingOf(row);
  if (!standing.role) throw new AppError("NOT_FOUND", NOT_VISIBLE);
  const isChosenVoter = Boolean(row.isChosenVoter);
  const isThreadGuest = standing.role === "guest" && !isChosenVoter && Boolean(row.isThreadGuest);
  const facts = { isChosenVoter, isThreadGuest, restrictVoters: row.restrictVoters };
  if (!canViewPoll(standing, facts)) throw new AppError("NOT_FOUND", NOT_VISIBLE);
  const { id, groupId, threadId, authorId, kind, anonymous, closingAt, closedAt, allowChangeVote, restrictVoters } = row;
  const poll = { id, groupId, threadId, authorId, kind, anonymous, closingAt, closedAt, allowChangeVote, restrictVoters };
  return {
    poll,
    standing,
    canVote: canVoteInPoll(standing, facts),
    canManage: canManagePoll(standing, { actorId: userId, authorId: poll.authorId }),
    hasVoted: Boolean(row.hasVoted),
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
