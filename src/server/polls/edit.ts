import { seatsText } from "@/lib/tallies/stv";
import { recordAudit } from "@/server/audit/record";
import type { Db } from "@/server/db";
import { renameDecisionWithPoll } from "@/server/decisions/rename";
import { publishDecisionChange } from "@/server/decisions/sync";
import { AppError } from "@/server/errors";
import type { Publish } from "@/server/events";
import { logger } from "@/server/logger";
import { cookAhead } from "@/server/markdown/cook";
import { publishMeetingChange } from "@/server/meetings/access";
import { canDeletePoll, canEditPoll } from "@/server/policy";
import { isClosed, requirePollAccess } from "@/server/polls/access";
import type { PollKind } from "@/server/polls/ballot-rules";
import { checkOpensAt, MIN_OPTIONS } from "@/server/polls/create";
import { publishPollChange } from "@/server/polls/events";
import { announceOpening } from "@/server/polls/opening";
import type { UpdatePollInput } from "@/server/polls/schemas";
import { votingRuleColumns, votingRulesOf, votingRulesSelect, type VotingRuleColumns, type VotingRulesInput } from "@/server/polls/voting-rules";

const people = (count: number) => `${count} ${count === 1 ? "person has" : "people have"}`;

function optionsLocked(voterCount: number): AppError {
  return new AppError("CONFLICT", `Options can't change after the first vote: ${people(voterCount)} voted.`);
}

function rulesLocked(voterCount: number): AppError {
  return new AppError("CONFLICT", `The voting rules and opening time can't change after the first vote: ${people(voterCount)} voted.`);
}

type StoredRules = VotingRuleColumns & { kind: PollKind; reasonRequired: boolean; opensAt: Date | null; closingAt: Date };

/**
 * The voting rules after an edit: the stored ones, with what the input gives (null removes one),
 * checked against the poll's options as they will be. Null when neither changes.
 */
function updatedRules(input: UpdatePollInput, stored: StoredRules, optionNames: string[], optionsChange: boolean) {
  const rulesChange = input.quorum !== undefined || input.threshold !== undefined || input.requireReasonFor !== undefined;
  if (!rulesChange && !optionsChange) return null;
  const current = votingRulesOf(stored);
  const merged: VotingRulesInput = {
    quorum: input.quorum === undefined ? current.quorum : (input.quorum ?? undefined),
    threshold: input.threshold === undefined ? current.threshold : (input.threshold ?? undefined),
    requireReasonFor: input.requireReasonFor ?? current.requireReasonFor,
  };
  const { reasonForAll, ...columns } = votingRuleColumns(stored.kind, optionNames, merged);
  // ["all"] asks a reason of every vote; the poll's own "reason with every vote" setting is not undone here.
  return { ...columns, reasonRequired: stored.reasonRequired || reasonForAll };
}

/** A new opening time (or null: open now) for a poll that has not opened yet, before its closing time. */
function checkedOpening(input: UpdatePollInput, stored: StoredRules): Date | null | undefined {
  const closingAt = input.closingAt ?? stored.closingAt;
  if (input.opensAt === undefined) {
    if (input.closingAt !== undefined && stored.opensAt && stored.opensAt >= closingAt) {
      throw new AppError("BAD_REQUEST", "The poll must open before it closes: choose a closing time after the opening time.");
    }
    return undefined;
  }
  if (!stored.opensAt || stored.opensAt.getTime() <= Date.now()) {
    throw new AppError("BAD_REQUEST", "This poll is already open for votes, so it can't be scheduled to open later.");
  }
  if (input.opensAt) checkOpensAt(input.opensAt, closingAt);
  return input.opensAt;
}

type OptionRow = { id?: string; name: string; startsAt: Date | null };

/**
 * The new option list checked like poll.create's: meeting slots are times (kept in time order),
 * names are unique, and an election keeps more options than seats.
 */
function checkedOptions(
  kind: string,
  limits: { maxChoices: number | null; seats: number | null },
  given: NonNullable<UpdatePollInput["options"]>,
  known: Set<string>,
): OptionRow[] {
  const { maxChoices, seats } = limits;
  if (kind === "question") {
    if (given.length) throw new AppError("BAD_REQUEST", "A question round has no options: people answer in their own words.");
    return [];
  }
  const ids = given.flatMap(({ id }) => (id ? [id] : []));
  if (ids.some((id) => !known.has(id)) || new Set(ids).size !== ids.length) {
    throw new AppError("BAD_REQUEST", "Some of those options are not part of this poll. Reload the page and try again.");
  }
  if (new Set(given.map(({ name }) => name.toLowerCase())).size !== given.length) throw new AppError("BAD_REQUEST", "Two options have the same name.");
  const min = MIN_OPTIONS[kind as keyof typeof MIN_OPTIONS] ?? 0;
  if (given.length < min) throw new AppError("BAD_REQUEST", `Add at least ${min} option${min === 1 ? "" : "s"}.`);
  if (maxChoices !== null && given.length < maxChoices) {
    throw new AppError("BAD_REQUEST", `This poll lets people choose up to ${maxChoices} options, so keep at least ${maxChoices}.`);
  }
  if (seats !== null && given.length <= seats) {
    throw new AppError("BAD_REQUEST", `This election fills ${seatsText(seats)}, so keep at least ${seats + 1} options.`);
  }
  const rows = given.map(({ id, name }) => {
    if (kind !== "meeting") return { id, name, startsAt: null };
    const startsAt = new Date(name);
    if (Number.isNaN(startsAt.getTime())) throw new AppError("BAD_REQUEST", `“${name}” is not a date and time.`);
    return { id, name: startsAt.toISOString(), startsAt };
  });
  if (kind === "meeting") rows.sort((a, b) => a.startsAt!.getTime() - b.startsAt!.getTime());
  return rows;
}

/**
 * The author or an admin corrects a poll: title and details at any time, the closing time while
 * it is open, and its options only until the first vote (a ballot names options, so changing
 * them would change what people voted for).
 */
export async function updatePoll(db: Db, publish: Publish, userId: string, input: UpdatePollInput): Promise<{ id: string }> {
  const access = await requirePollAccess(db, userId, input.pollId);
  if (!canEditPoll(access.standing, { actorId: userId, authorId: access.poll.authorId })) {
    throw new AppError("FORBIDDEN", "Only the person who started the poll or a group admin can edit it.");
  }
  const closed = isClosed(access.poll);
  if (input.closingAt !== undefined) {
    if (closed) {
      throw new AppError(
        "BAD_REQUEST",
        access.poll.anonymous
          ? "This poll is closed, so its closing time can't change, and an anonymous poll can't be reopened."
          : "This poll is closed, so its closing time can't change here. Reopen it to set a new one.",
      );
    }
    if (input.closingAt.getTime() <= Date.now()) {
      throw new AppError("BAD_REQUEST", "The closing time must be in the future. To end the poll now, close it instead.");
    }
  }

  const poll = await db.poll.findUniqueOrThrow({
    where: { id: input.pollId },
    select: {
      maxChoices: true,
      seats: true,
      meetingId: true,
      title: true,
      kind: true,
      closingAt: true,
      opensAt: true,
      reasonRequired: true,
      ...votingRulesSelect,
      adoptsVersion: { select: { id: true } },
      options: { select: { id: true, name: true } },
      _count: { select: { participations: true } },
    },
  });
  let options: OptionRow[] | null = null;
  if (input.options !== undefined) {
    if (poll._count.participations > 0) throw optionsLocked(poll._count.participations);
    if (closed) throw new AppError("BAD_REQUEST", "This poll is closed, so its options can't change.");
    // Adoption is decided by the outcome naming the "Agree" option, so that option must stay as it is.
    if (poll.adoptsVersion) throw new AppError("BAD_REQUEST", "This proposal adopts a document version, so its options are fixed.");
    options = checkedOptions(access.poll.kind, poll, input.options, new Set(poll.options.map(({ id }) => id)));
  }

  const rulesOrOpening = input.quorum !== undefined || input.threshold !== undefined || input.requireReasonFor !== undefined || input.opensAt !== undefined;
  if (rulesOrOpening) {
    if (poll._count.participations > 0) throw rulesLocked(poll._count.participations);
    if (closed) throw new AppError("BAD_REQUEST", "This poll is closed, so its voting rules can't change.");
  }
  const rules = updatedRules(input, poll, (options ?? poll.options).map(({ name }) => name), options !== null);
  const opensAt = checkedOpening(input, poll);

  const kept = options?.flatMap(({ id }) => (id ? [id] : [])) ?? [];
  const renamedDecision = await db.$transaction(async (tx) => {
    const renamed = input.title === undefined ? null : await renameDecisionWithPoll(tx, input.pollId, input.title);
    await tx.poll.update({
      where: { id: input.pollId },
      data: {
        title: input.title,
        details: input.details,
        closingAt: input.closingAt,
        ...(input.closingAt && { reminderSentAt: null }),
        ...rules,
        ...(opensAt !== undefined && { opensAt }),
      },
      select: { id: true },
    });
    if (!options) {
      // Counted after writing, so a vote that came in meanwhile cancels the change of rules.
      const voters = rulesOrOpening ? await tx.pollParticipation.count({ where: { pollId: input.pollId } }) : 0;
      if (voters > 0) throw rulesLocked(voters);
      return renamed;
    }
    await tx.pollOption.deleteMany({ where: { pollId: input.pollId, id: { notIn: kept } } });
    for (const [position, option] of options.entries()) {
      const data = { name: option.name, startsAt: option.startsAt, position };
      if (option.id) await tx.pollOption.update({ where: { id: option.id }, data, select: { id: true } });
      else await tx.pollOption.create({ data: { ...data, pollId: input.pollId, addedById: userId }, select: { id: true } });
    }
    // Counted after writing, so a vote that came in while the options were read cancels the change.
    const voters = await tx.pollParticipation.count({ where: { pollId: input.pollId } });
    if (voters > 0) throw optionsLocked(voters);
    return renamed;
  });
  cookAhead(input.details);
  publishPollChange(publish, access.poll);
  if (renamedDecision) publishDecisionChange(publish, renamedDecision);
  // Opened now instead of later: its voters are asked to vote, once.
  if (opensAt === null) await announceOpening(db, publish, { ...access.poll, title: input.title ?? poll.title });
  if (poll.meetingId && input.title !== undefined) publishMeetingChange(publish, { id: poll.meetingId, groupId: access.poll.groupId });
  return { id: input.pollId };
}

/**
 * Deletes a poll with its options, chosen voters, participations and ballots. A document version
 * it proposed stays (adopted or not), unlinked. Notifications that lead to the poll itself go
 * too; those that lead to its thread (an outcome, say) stay, as the thread does.
 */
export async function deletePoll(db: Db, publish: Publish, userId: string, pollId: string): Promise<{ id: string }> {
  const access = await requirePollAccess(db, userId, pollId);
  const row = await db.poll.findUniqueOrThrow({
    where: { id: pollId },
    select: { meetingId: true, title: true, _count: { select: { participations: true } } },
  });
  const voterCount = row._count.participations;
  if (!canDeletePoll(access.standing, { actorId: userId, authorId: access.poll.authorId, voterCount })) {
    throw new AppError(
      "FORBIDDEN",
      access.poll.authorId === userId
        ? `Only the group's admins can delete a poll once people have voted: ${people(voterCount)} voted.`
        : "Only the group's admins can delete this poll.",
    );
  }
  await db.$transaction(async (tx) => {
    // Requests to vote lead to the poll's card (…#poll-<id>-title): nothing is there to vote on any more.
    await tx.notification.deleteMany({ where: { OR: [{ url: `/polls/${pollId}` }, { url: { endsWith: `#poll-${pollId}-title` } }] } });
    const { count } = await tx.poll.deleteMany({ where: { id: pollId } });
    // The loser of two deletes at once is answered like a replay, and its audit entry is never written.
    if (count === 0) throw new AppError("NOT_FOUND", "This poll was deleted or never existed.");
    await recordAudit(tx, { groupId: access.poll.groupId, actorId: userId, action: "poll.deleted", subject: { type: "poll", id: pollId, label: row.title } });
  });
  logger.info({ pollId, groupId: access.poll.groupId, userId, voterCount }, "poll deleted");
  publishPollChange(publish, access.poll);
  if (row.meetingId) publishMeetingChange(publish, { id: row.meetingId, groupId: access.poll.groupId });
  return { id: pollId };
}
