import { countRanked, type RankedMethod } from "@/lib/tallies/ranked";
import { countChoices, tallyDots, tallyMeeting, tallyScores, type Availability } from "@/lib/tallies/simple";
import { countStv, type StvMethod } from "@/lib/tallies/stv";
import type { RequestMemo } from "@/server/api/request-memo";
import type { Db } from "@/server/db";
import { isClosed, requirePollAccess } from "@/server/polls/access";
import { AVAILABILITY_SCORE } from "@/server/polls/ballot-rules";
import { computePollVerdict, verdictSelect } from "@/server/polls/verdict";
import { countEligibleVoters } from "@/server/polls/voters";

type StoredChoice = { optionId: string; score: number | null; rank: number | null };
type StoredBallot = { reason: string; receipt: string; voter: { id: string; name: string } | null; choices: StoredChoice[] };

const AVAILABILITY_BY_SCORE = new Map<number, Availability>(
  Object.entries(AVAILABILITY_SCORE).map(([answer, score]) => [score, answer as Availability]),
);

const rankingOf = (choices: StoredChoice[]) => [...choices].sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0)).map(({ optionId }) => optionId);

/** The tallies for one poll kind, computed from the current ballots; ranked polls lead with their counting method. */
function tally(kind: string, method: RankedMethod, optionIds: string[], ballots: StoredBallot[]) {
  const choiceLists = ballots.map(({ choices }) => choices);
  switch (kind) {
    case "score":
      return { kind: "score" as const, scores: tallyScores(optionIds, choiceLists.map((list) => new Map(list.map((c) => [c.optionId, c.score ?? 0])))) };
    case "dot_vote":
      return { kind: "dot_vote" as const, dots: tallyDots(optionIds, choiceLists.map((list) => new Map(list.map((c) => [c.optionId, c.score ?? 0])))) };
    case "ranked_choice": {
      const { borda, irv, schulze, outcomes } = countRanked(optionIds, choiceLists.map(rankingOf));
      return {
        kind: "ranked_choice" as const,
        method,
        outcomes,
        borda,
        irv: { winnerOptionId: irv.winnerOptionId, rounds: irv.rounds },
        schulze: { winnerOptionId: schulze.winnerOptionId, pairwise: schulze.pairwise, condorcetWinnerOptionId: schulze.condorcetWinnerOptionId },
      };
    }
    case "meeting":
      return {
        kind: "meeting" as const,
        ...tallyMeeting(optionIds, choiceLists.map((list) => new Map(list.map((c) => [c.optionId, AVAILABILITY_BY_SCORE.get(c.score ?? 0) ?? "no"])))),
      };
    case "question":
      return { kind: "question" as const };
    case "stv":
      return { kind: "stv" as const };
    default:
      return { kind: "counts" as const, counts: countChoices(optionIds, choiceLists.map((list) => list.map(({ optionId }) => optionId))) };
  }
}

function hiddenReasonFor(poll: { anonymous: boolean; hideResults: string }, closed: boolean, hasVoted: boolean): string | null {
  if (closed) return null;
  if (poll.anonymous) {
    return "This vote is anonymous, so the results appear when the poll closes: watching them change vote by vote would show how each person voted.";
  }
  if (poll.hideResults === "until_closed") return "Results are hidden until the poll closes.";
  if (poll.hideResults === "until_vote" && !hasVoted) return "Results appear once you have voted.";
  return null;
}

/**
 * Results as the viewer may see them. Hidden results say why and show only participation.
 * Anonymous polls never name a voter beside a choice or a reason, and list ballots in receipt
 * order, which is random, so even the order says nothing. While an anonymous poll is open its
 * results are hidden from everyone, admins included, whatever hideResults says: who has voted is
 * public, so comparing the tally before and after each vote would attribute every ballot.
 */
export async function getResults(db: Db, userId: string, pollId: string, memo?: RequestMemo) {
  const access = await requirePollAccess(db, userId, pollId, memo);
  const poll = await db.poll.findUniqueOrThrow({
    where: { id: pollId },
    select: {
      ...verdictSelect,
      countingMethod: true,
      anonymous: true,
      hideResults: true,
      showReasons: true,
      countTarget: true,
      seats: true,
      options: { select: { id: true }, orderBy: { position: "asc" } },
      // Filtered by the poll as well: unfiltered, the count groups every poll's participations.
      _count: { select: { participations: { where: { pollId } } } },
    },
  });
  const closed = isClosed(poll);
  const hiddenReason = hiddenReasonFor(poll, closed, access.hasVoted);
  const eligible = await countEligibleVoters(db, access.poll);
  const participation = {
    voted: poll._count.participations,
    eligible,
    percent: eligible ? Math.round((poll._count.participations / eligible) * 1000) / 10 : 0,
  };
  if (hiddenReason) {
    return { hidden: true as const, hiddenReason, participation, tally: null, stv: null, verdict: null, ballots: [], countTarget: poll.countTarget };
  }

  const rows = await db.ballot.findMany({
    where: { pollId, supersededAt: null },
    select: {
      reason: true,
      receipt: true,
      voter: { select: { id: true, name: true } },
      choices: { select: { optionId: true, score: true, rank: true } },
    },
    orderBy: poll.anonymous ? { receipt: "asc" } : { castAt: "asc" },
  });
  const optionIds = poll.options.map(({ id }) => id);
  // poll.create stores one of RANKED_METHODS for ranked choice and one of STV_METHODS for an election.
  const method = poll.countingMethod;
  return {
    hidden: false as const,
    hiddenReason: null,
    participation,
    countTarget: poll.countTarget,
    tally: tally(poll.kind, method as RankedMethod, optionIds, rows),
    // The lot is drawn from the poll's id: fixed before anyone voted, and the same at every recount.
    stv:
      poll.kind === "stv"
        ? countStv(optionIds, rows.map(({ choices }) => rankingOf(choices)), { seats: poll.seats ?? 1, method: method as StvMethod, seed: pollId })
        : null,
    verdict: await computePollVerdict(db, poll),
    ballots: rows.map((row) => ({
      voter: poll.anonymous ? null : row.voter,
      choices: row.choices,
      reason: poll.showReasons ? row.reason : "",
    })),
  };
}
