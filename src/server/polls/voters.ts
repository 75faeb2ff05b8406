import type { Prisma } from "@/generated/prisma/client.ts";
import { membershipsAllowedWhere } from "@/server/policy";

type VoterScope = { id: string; groupId: string; restrictVoters: boolean };

/** Who may vote in a poll: its chosen voters, or the group's members and admins (as canVoteInPoll decides). */
export function eligibleVotersWhere(poll: VoterScope): Prisma.UserWhereInput {
  return poll.restrictVoters
    ? { pollVoterOf: { some: { pollId: poll.id } } }
    : { memberships: { some: { groupId: poll.groupId, ...membershipsAllowedWhere("poll.vote") } } };
}

/** Eligible voters of a poll with no participation record. */
export function undecidedWhere(poll: VoterScope): Prisma.UserWhereInput {
  return { ...eligibleVotersWhere(poll), pollParticipations: { none: { pollId: poll.id } } };
}
