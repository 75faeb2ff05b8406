import type { Prisma } from "@/generated/prisma/client.ts";
import type { Db } from "@/server/db";
import { membershipsAllowedWhere } from "@/server/policy";

type VoterScope = { id: string; groupId: string; restrictVoters: boolean };

/** Who may vote in a poll: its chosen voters, or the group's members and admins (as canVoteInPoll decides). */
export function eligibleVotersWhere(poll: VoterScope): Prisma.UserWhereInput {
  return poll.restrictVoters
    ? { pollVoterOf: { some: { pollId: poll.id } } }
    : { memberships: { some: { groupId: poll.groupId, ...membershipsAllowedWhere("poll.vote") } } };
}

/**
 * How many people eligibleVotersWhere finds, counted where the indexes are: a person has one
 * membership per group and is chosen once per poll, so these are the same numbers, while counting
 * people with a matching membership reads every account of the instance.
 */
export function countEligibleVoters(db: Db | Prisma.TransactionClient, poll: VoterScope): Promise<number> {
  return poll.restrictVoters
    ? db.pollVoter.count({ where: { pollId: poll.id } })
    : db.membership.count({ where: { groupId: poll.groupId, ...membershipsAllowedWhere("poll.vote") } });
}

/** Eligible voters of a poll with no participation record. */
export function undecidedWhere(poll: VoterScope): Prisma.UserWhereInput {
  return { ...eligibleVotersWhere(poll), pollParticipations: { none: { pollId: poll.id } } };
}
