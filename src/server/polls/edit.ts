import { seatsText } from "@/lib/tallies/stv";
import { recordAudit } from "@/server/audit/record";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import type { Publish } from "@/server/events";
import { logger } from "@/server/logger";
import { cookAhead } from "@/server/markdown/cook";
import { publishMeetingChange } from "@/server/meetings/access";
import { canDeletePoll, canEditPoll } from "@/server/policy";
import { isClosed, requirePollAccess } from "@/server/polls/access";
import { MIN_OPTIONS } from "@/server/polls/create";
import { publishPollChange } from "@/server/polls/events";
import type { UpdatePollInput } from "@/server/polls/schemas";

const people = (count: number) => `${count} ${count === 1 ? "person has" : "people have"}`;

function optionsLocked(voterCount: number): AppError {
  return new AppError("CONFLICT", `Options can't change after the first vote: ${people(voterCount)} voted.`);
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
      adoptsVersion: { select: { id: true } },
      options: { select: { id: true } },
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

  const kept = options?.flatMap(({ id }) => (id ? [id] : [])) ?? [];
  await db.$transaction(async (tx) => {
    await tx.poll.update({
      where: { id: input.pollId },
      data: { title: input.title, details: input.details, closingAt: input.closingAt, ...(input.closingAt && { reminderSentAt: null }) },
      select: { id: true },
    });
    if (!options) return;
    await tx.pollOption.deleteMany({ where: { pollId: input.pollId, id: { notIn: kept } } });
    for (const [position, option] of options.entries()) {
      const data = { name: option.name, startsAt: option.startsAt, position };
      if (option.id) await tx.pollOption.update({ where: { id: option.id }, data, select: { id: true } });
      else await tx.pollOption.create({ data: { ...data, pollId: input.pollId, addedById: userId }, select: { id: true } });
    }
    // Counted after writing, so a vote that came in while the options were read cancels the change.
    const voters = await tx.pollParticipation.count({ where: { pollId: input.pollId } });
    if (voters > 0) throw optionsLocked(voters);
  });
  cookAhead(input.details);
  publishPollChange(publish, access.poll);
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
