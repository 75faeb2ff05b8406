import type { Prisma } from "@/generated/prisma/client.ts";
import type { RequestMemo } from "@/server/api/request-memo";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { requireInGroup } from "@/server/groups/standing";
import { cookMarkdown } from "@/server/markdown/cook";
import { canDeletePoll, canInGroup } from "@/server/policy";
import type { Publish } from "@/server/events";
import { isClosed, isNotYetOpen, requirePollAccess } from "@/server/polls/access";
import { isRankedKind } from "@/server/polls/ballot-rules";
import { publishPollChange } from "@/server/polls/events";
import { undecidedWhere } from "@/server/polls/voters";
import { rulesSummary, votingRulesOf, votingRulesSelect } from "@/server/polls/voting-rules";
import type { PollDetail } from "@/server/polls/schemas";

/** How a poll is voted on: who may see what, and what a ballot may hold. */
export const pollSettingsSelect = {
  anonymous: true,
  hideResults: true,
  allowChangeVote: true,
  showReasons: true,
  reasonRequired: true,
  allowBlock: true,
  votersAddOptions: true,
  shuffleOptions: true,
  minChoices: true,
  maxChoices: true,
  dotsPerPerson: true,
  scoreMin: true,
  scoreMax: true,
  countTarget: true,
  restrictVoters: true,
  countingMethod: true,
  seats: true,
} satisfies Prisma.PollSelect;

function summarySelect(userId: string) {
  return {
    id: true,
    kind: true,
    title: true,
    threadId: true,
    closingAt: true,
    closedAt: true,
    opensAt: true,
    outcomeStatement: true,
    _count: { select: { participations: true } },
    participations: { where: { userId }, select: { userId: true } },
  } satisfies Prisma.PollSelect;
}

type SummaryRow = Prisma.PollGetPayload<{ select: ReturnType<typeof summarySelect> }>;

function toSummary(row: SummaryRow) {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    threadId: row.threadId,
    closingAt: row.closingAt,
    closedAt: isClosed(row) ? (row.closedAt ?? row.closingAt) : null,
    opensAt: row.opensAt,
    voterCount: row._count.participations,
    votedByMe: row.participations.length > 0,
    outcome: row.outcomeStatement,
  };
}

/** Shuffled per viewer but stable for them, so the order shown does not favour the first option. */
function shuffledFor(userId: string, options: PollDetail["options"]): PollDetail["options"] {
  const key = (id: string) => {
    let hash = 0;
    for (const character of userId + id) hash = (hash * 31 + character.charCodeAt(0)) | 0;
    return hash;
  };
  return [...options].sort((a, b) => key(a.id) - key(b.id));
}

export async function getPoll(db: Db, userId: string, pollId: string, memo?: RequestMemo): Promise<PollDetail> {
  const access = await requirePollAccess(db, userId, pollId, memo);
  const row = await db.poll.findUniqueOrThrow({
    where: { id: pollId },
    select: {
      ...summarySelect(userId),
      groupId: true,
      group: { select: { id: true, name: true, handle: true } },
      template: true,
      details: true,
      createdAt: true,
      author: { select: { id: true, name: true } },
      options: { select: { id: true, name: true, startsAt: true }, orderBy: { position: "asc" } },
      ...pollSettingsSelect,
      ...votingRulesSelect,
      outcomeOptionId: true,
      outcomeReviewOn: true,
      outcomeAt: true,
      meeting: { select: { id: true, title: true, startsAt: true } },
    },
  });
  // Anonymous ballots carry no voter, so there is nothing of the viewer's to show back.
  const mine = access.poll.anonymous
    ? null
    : await db.ballot.findFirst({
        where: { pollId, voterId: userId, supersededAt: null },
        select: { reason: true, choices: { select: { optionId: true, score: true, rank: true } } },
      });
  const rules = votingRulesOf(row);
  return {
    ...toSummary(row),
    groupId: row.groupId,
    group: row.group,
    template: row.template,
    details: row.details,
    detailsHtml: cookMarkdown(row.details),
    author: row.author,
    createdAt: row.createdAt,
    options: row.shuffleOptions ? shuffledFor(userId, row.options) : row.options,
    settings: {
      anonymous: row.anonymous,
      hideResults: row.hideResults,
      allowChangeVote: row.allowChangeVote,
      showReasons: row.showReasons,
      reasonRequired: row.reasonRequired,
      allowBlock: row.allowBlock,
      votersAddOptions: row.votersAddOptions,
      minChoices: row.minChoices,
      maxChoices: row.maxChoices,
      dotsPerPerson: row.dotsPerPerson,
      scoreMin: row.scoreMin,
      scoreMax: row.scoreMax,
      countTarget: row.countTarget,
      restrictVoters: row.restrictVoters,
      countingMethod: isRankedKind(row.kind) ? row.countingMethod : null,
      seats: row.kind === "stv" ? row.seats : null,
    },
    rules: {
      quorum: rules.quorum ?? null,
      threshold: rules.threshold ?? null,
      requireReasonFor: rules.requireReasonFor ?? [],
      summary: rulesSummary(row, row.options.map(({ name }) => name)),
    },
    meeting: canInGroup(access.standing, "meeting.view") ? row.meeting : null,
    outcomeDetail:
      row.outcomeStatement && row.outcomeAt
        ? {
            statement: row.outcomeStatement,
            statementHtml: cookMarkdown(row.outcomeStatement),
            optionId: row.outcomeOptionId,
            reviewOn: row.outcomeReviewOn,
            at: row.outcomeAt,
          }
        : null,
    viewer: {
      canVote: access.canVote && !isClosed(row) && !isNotYetOpen(row),
      hasVoted: access.hasVoted,
      canManage: access.canManage,
      canDelete: canDeletePoll(access.standing, { actorId: userId, authorId: access.poll.authorId, voterCount: row._count.participations }),
      myChoices: mine?.choices ?? null,
      myReason: mine?.reason ?? null,
    },
  };
}

/** A group's polls (or one thread's), open ones first by closing time, then closed ones newest first. */
export async function listPolls(db: Db, userId: string, input: { groupId: string; status: "open" | "closed" | "all"; threadId?: string }) {
  const standing = await requireInGroup(db, userId, input.groupId, "group.view");
  const now = new Date();
  const visible: Prisma.PollWhereInput = canInGroup(standing, "thread.viewAll")
    ? {}
    : { OR: [{ voters: { some: { userId } } }, { thread: { guests: { some: { userId } } } }] };
  const open: Prisma.PollWhereInput = { closedAt: null, closingAt: { gt: now } };
  const closed: Prisma.PollWhereInput = { OR: [{ closedAt: { not: null } }, { closingAt: { lte: now } }] };
  const rows = await db.poll.findMany({
    where: {
      groupId: input.groupId,
      ...(input.threadId && { threadId: input.threadId }),
      AND: [visible, input.status === "open" ? open : input.status === "closed" ? closed : {}],
    },
    select: summarySelect(userId),
    orderBy: [{ closingAt: "desc" }],
    take: 100,
  });
  const summaries = rows.map(toSummary);
  return [
    ...summaries.filter((poll) => !poll.closedAt).sort((a, b) => a.closingAt.getTime() - b.closingAt.getTime()),
    ...summaries.filter((poll) => poll.closedAt),
  ];
}

/** Eligible voters who have not voted yet; never how anyone voted. */
export async function listUndecided(db: Db, userId: string, pollId: string, memo?: RequestMemo) {
  const access = await requirePollAccess(db, userId, pollId, memo);
  if (!canInGroup(access.standing, "group.viewMembers")) throw new AppError("FORBIDDEN", "Only members of the group can see who has not voted.");
  return db.user.findMany({ where: undecidedWhere(access.poll), select: { id: true, name: true }, orderBy: { name: "asc" } });
}

/** Voters add an option to an open poll that allows it. */
export async function addOption(db: Db, publish: Publish, userId: string, pollId: string, name: string) {
  const access = await requirePollAccess(db, userId, pollId);
  const poll = await db.poll.findUniqueOrThrow({
    where: { id: pollId },
    select: { votersAddOptions: true, kind: true, closingAt: true, closedAt: true, options: { select: { name: true, position: true } } },
  });
  if (!poll.votersAddOptions || !["poll", "score", "dot_vote", "ranked_choice"].includes(poll.kind)) {
    throw new AppError("FORBIDDEN", "This poll does not let voters add options.");
  }
  if (isClosed(poll)) throw new AppError("BAD_REQUEST", "This poll is closed.");
  if (!access.canVote) throw new AppError("FORBIDDEN", "You are not one of the voters in this poll.");
  if (poll.options.some((option) => option.name.toLowerCase() === name.toLowerCase())) {
    throw new AppError("CONFLICT", "That option is already on the poll.");
  }
  const position = Math.max(-1, ...poll.options.map((option) => option.position)) + 1;
  const option = await db.pollOption.create({ data: { pollId, name, position, addedById: userId }, select: { id: true, name: true, startsAt: true } });
  publishPollChange(publish, access.poll);
  return option;
}
