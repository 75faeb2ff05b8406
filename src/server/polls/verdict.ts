import type { Prisma } from "@/generated/prisma/client.ts";
import { computeVerdict, hasVotingRule, type Verdict } from "@/lib/tallies/verdict";
import type { Db } from "@/server/db";
import { isClosed } from "@/server/polls/access";
import { countEligibleVoters } from "@/server/polls/voters";

export const verdictSelect = {
  id: true,
  groupId: true,
  kind: true,
  restrictVoters: true,
  closingAt: true,
  closedAt: true,
  quorumCount: true,
  quorumPercent: true,
  thresholdRule: true,
  thresholdPercent: true,
  thresholdBase: true,
  eligibleAtClose: true,
} satisfies Prisma.PollSelect;

type VerdictPoll = Prisma.PollGetPayload<{ select: typeof verdictSelect }>;

/** How many people may vote in the poll now; frozen into Poll.eligibleAtClose when it closes. */
export function countEligible(db: Db | Prisma.TransactionClient, poll: { id: string; groupId: string; restrictVoters: boolean }): Promise<number> {
  return countEligibleVoters(db, poll);
}

/**
 * The verdict of a closed poll with a quorum or threshold, from its tallies alone (nothing about
 * who voted how); null for open polls and polls without a rule. The eligible count is the one
 * frozen at close, or the current one for a poll past its closing time that the scheduler has not
 * closed yet.
 */
export async function computePollVerdict(db: Db, poll: VerdictPoll): Promise<Verdict | null> {
  if (!hasVotingRule(poll) || !isClosed(poll)) return null;
  const [voted, eligible, counts, options] = await Promise.all([
    // Current ballots, one per voter: participations would do for polls made here, but an
    // imported anonymous poll comes without them (the export leaves out who took part).
    db.ballot.count({ where: { pollId: poll.id, supersededAt: null } }),
    poll.eligibleAtClose ?? countEligible(db, poll),
    db.ballotChoice.groupBy({ by: ["optionId"], where: { ballot: { pollId: poll.id, supersededAt: null } }, _count: { _all: true } }),
    db.pollOption.findMany({ where: { pollId: poll.id }, select: { id: true, name: true }, orderBy: { position: "asc" } }),
  ]);
  const byOption = new Map(counts.map((row) => [row.optionId, row._count._all]));
  return computeVerdict(poll, {
    kind: poll.kind === "proposal" ? "proposal" : "leading",
    eligible,
    voted,
    options: options.map(({ id, name }) => ({ name, count: byOption.get(id) ?? 0 })),
  });
}

/**
 * The verdict text of a closed poll under its voting rules ("Passed: 9 of 12 eligible voted
 * (quorum 8); 7 agree, 0 blocks; needs two thirds of votes cast"), or "" when it has no rule, is
 * still open or does not exist. The caller decides who may see it.
 */
export async function verdictFor(db: Db, pollId: string): Promise<string> {
  const poll = await db.poll.findUnique({ where: { id: pollId }, select: verdictSelect });
  if (!poll) return "";
  return (await computePollVerdict(db, poll))?.text ?? "";
}
