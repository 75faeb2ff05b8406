import { randomUUID } from "node:crypto";
import { created, importLink, isPlanned, matched, missing, skipped, type Handler, type ImportContext } from "@/server/imports/hearth/context";
import { newReceipt } from "@/server/polls/change-key";

export const importPoll: Handler<"poll"> = async (ctx, d) => {
  const existing = await ctx.ids.get("poll", d.id);
  if (existing) {
    ctx.pollAnonymity.set(existing, d.anonymous);
    return matched();
  }
  const groupId = await ctx.ids.get("group", d.groupId);
  if (!groupId) return missing("group", d.groupId);
  const authorId = await ctx.ids.get("user", d.authorId);
  if (!authorId) return missing("author", d.authorId);
  const threadId = d.threadId ? await ctx.ids.get("thread", d.threadId) : null;
  if (d.threadId && !threadId) return missing("thread", d.threadId);
  const meetingId = d.meetingId ? await ctx.ids.get("meeting", d.meetingId) : null;
  const voterIds = new Set<string>();
  for (const voterId of d.voterIds) {
    const userId = await ctx.ids.get("user", voterId);
    if (userId) voterIds.add(userId);
  }
  const pollId = await ctx.ids.make("poll", d.id, () =>
    ctx.db.poll.create({
      data: {
        groupId,
        threadId,
        meetingId,
        authorId,
        kind: d.kind,
        template: d.template,
        title: d.title,
        details: d.details,
        closingAt: d.closingAt,
        closedAt: d.closedAt,
        anonymous: d.anonymous,
        hideResults: d.hideResults,
        allowChangeVote: d.allowChangeVote,
        showReasons: d.showReasons,
        reasonRequired: d.reasonRequired,
        allowBlock: d.allowBlock,
        votersAddOptions: d.votersAddOptions,
        shuffleOptions: d.shuffleOptions,
        minChoices: d.minChoices,
        maxChoices: d.maxChoices,
        dotsPerPerson: d.dotsPerPerson,
        scoreMin: d.scoreMin,
        scoreMax: d.scoreMax,
        countTarget: d.countTarget,
        restrictVoters: d.restrictVoters,
        countingMethod: d.countingMethod,
        seats: d.seats,
        quorumCount: d.quorumCount,
        quorumPercent: d.quorumPercent,
        thresholdRule: d.thresholdRule,
        thresholdPercent: d.thresholdPercent,
        thresholdBase: d.thresholdBase,
        reasonRequiredFor: d.reasonRequiredFor,
        opensAt: d.opensAt,
        openedNoticeAt: d.openedNoticeAt,
        eligibleAtClose: d.eligibleAtClose,
        reminderSentAt: d.reminderSentAt,
        createdAt: d.createdAt,
        voters: { create: [...voterIds].map((userId) => ({ userId })) },
      },
      select: { id: true },
    }),
  );
  ctx.pollAnonymity.set(pollId, d.anonymous);
  return created();
};

export const importPollOption: Handler<"poll_option"> = async (ctx, d) => {
  if (await ctx.ids.get("poll_option", d.id)) return matched();
  const pollId = await ctx.ids.get("poll", d.pollId);
  if (!pollId) return missing("poll", d.pollId);
  const addedById = d.addedById ? await ctx.ids.get("user", d.addedById) : null;
  await ctx.ids.make("poll_option", d.id, () =>
    ctx.db.pollOption.create({
      data: { pollId, name: d.name, position: d.position, startsAt: d.startsAt, addedById, createdAt: d.createdAt },
      select: { id: true },
    }),
  );
  return created("pollOptions");
};

/** Anonymous or not, as the poll in Hearth says: a file cannot make an anonymous poll keep voter names. */
async function isAnonymous(ctx: ImportContext, pollId: string): Promise<boolean> {
  const known = ctx.pollAnonymity.get(pollId);
  if (known !== undefined) return known;
  const poll = await ctx.db.poll.findUniqueOrThrow({ where: { id: pollId }, select: { anonymous: true } });
  ctx.pollAnonymity.set(pollId, poll.anonymous);
  return poll.anonymous;
}

/**
 * A ballot gets a new random id and receipt. In anonymous polls it is stored as Hearth stores
 * anonymous ballots: no voter and no time, whatever the line says. No change code comes with
 * it, so an anonymous vote brought in this way can no longer be changed.
 */
export const importBallot: Handler<"ballot"> = async (ctx, d) => {
  const superseded = Boolean(d.supersededAt);
  const count = superseded ? "voteHistory" : "votes";
  if (await ctx.ids.get("ballot", d.id)) return matched(count);
  const pollId = await ctx.ids.get("poll", d.pollId);
  if (!pollId) return missing("poll", d.pollId);
  const anonymous = await isAnonymous(ctx, pollId);
  if (anonymous && superseded) return skipped("An anonymous poll keeps no earlier votes.");
  let voterId: string | null = null;
  if (!anonymous && d.voterId) {
    voterId = await ctx.ids.get("user", d.voterId);
    if (!voterId) return missing("voter", d.voterId);
  }
  const choices: { optionId: string; score: number | null; rank: number | null }[] = [];
  for (const choice of d.choices) {
    const optionId = await ctx.ids.get("poll_option", choice.optionId);
    if (!optionId) return missing("option", choice.optionId);
    choices.push({ optionId, score: choice.score, rank: choice.rank });
  }
  await ctx.ids.make("ballot", d.id, () =>
    ctx.db.ballot.create({
      data: {
        id: randomUUID(),
        pollId,
        voterId,
        reason: d.reason,
        receipt: newReceipt(),
        castAt: anonymous ? null : (d.castAt ?? null),
        supersededAt: anonymous ? null : (d.supersededAt ?? null),
        choices: { create: choices },
      },
      select: { id: true },
    }),
  );
  return created(count);
};

export const importParticipation: Handler<"participation"> = (ctx, d) =>
  importLink(ctx, { table: "poll", id: d.pollId }, { id: d.userId, what: "voter" }, {
    find: (pollId, userId) => ctx.db.pollParticipation.findUnique({ where: { pollId_userId: { pollId, userId } }, select: { userId: true } }),
    create: (pollId, userId) => ctx.db.pollParticipation.create({ data: { pollId, userId, votedAt: d.votedAt }, select: { userId: true } }),
  });

/** Outcomes live on the poll: one per poll, so a poll that has one already keeps it. */
export const importOutcome: Handler<"outcome"> = async (ctx, d) => {
  const pollId = await ctx.ids.get("poll", d.pollId);
  if (!pollId) return missing("poll", d.pollId);
  if (!isPlanned(pollId)) {
    const poll = await ctx.db.poll.findUniqueOrThrow({ where: { id: pollId }, select: { outcomeStatement: true } });
    if (poll.outcomeStatement !== null) return matched();
  }
  const optionId = d.optionId ? await ctx.ids.get("poll_option", d.optionId) : null;
  const authorId = d.authorId ? await ctx.ids.get("user", d.authorId) : null;
  if (!ctx.dryRun) {
    await ctx.db.poll.update({
      where: { id: pollId },
      data: { outcomeStatement: d.statement, outcomeOptionId: optionId, outcomeReviewOn: d.reviewOn, outcomeAuthorId: authorId, outcomeAt: d.at ?? new Date() },
      select: { id: true },
    });
  }
  return created();
};
