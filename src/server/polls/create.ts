import { RANKED_METHODS } from "@/lib/tallies/ranked";
import { seatsText, STV_METHODS } from "@/lib/tallies/stv";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import type { Publish } from "@/server/events";
import { requireInGroup } from "@/server/groups/standing";
import { cookAhead } from "@/server/markdown/cook";
import { assertLinkableMeeting, publishMeetingChange } from "@/server/meetings/access";
import { notifyNewPoll } from "@/server/notifications/triggers";
import { canViewThread, membershipsAllowedWhere } from "@/server/policy";
import { publishPollChange } from "@/server/polls/events";
import type { CountingMethod, CreatePollInput } from "@/server/polls/schemas";
import { BUILT_IN_TEMPLATES, DEFAULT_OPTIONS, type TemplateDefaults } from "@/server/polls/templates";
import { votingRuleColumns } from "@/server/polls/voting-rules";

export const MIN_OPTIONS: Partial<Record<CreatePollInput["kind"], number>> = { poll: 2, score: 2, dot_vote: 2, ranked_choice: 2, meeting: 1, stv: 2 };

/** The counting methods each kind may be counted by; other kinds have none. */
const METHODS_OF: Partial<Record<CreatePollInput["kind"], readonly CountingMethod[]>> = { ranked_choice: RANKED_METHODS, stv: STV_METHODS };

/** The method a ranked poll or an election is counted by: the author's, else the template's, else the kind's default. */
function countingMethodFor(input: CreatePollInput, defaults: TemplateDefaults): CountingMethod | undefined {
  const methods = METHODS_OF[input.kind];
  if (!methods) return undefined;
  const fromTemplate = defaults.countingMethod && methods.includes(defaults.countingMethod) ? defaults.countingMethod : undefined;
  return input.countingMethod ?? fromTemplate ?? methods[0];
}

async function templateDefaults(db: Db, groupId: string, key: string | undefined): Promise<TemplateDefaults> {
  if (!key) return {};
  const builtIn = BUILT_IN_TEMPLATES.find((template) => template.key === key);
  if (builtIn) return builtIn.defaults;
  const own = await db.pollTemplate.findFirst({ where: { groupId, id: key }, select: { settings: true } });
  if (!own) throw new AppError("BAD_REQUEST", "That template does not exist in this group.");
  return JSON.parse(own.settings) as TemplateDefaults;
}

/** Meeting options are proposed start times; question rounds have none; the rest are named options. */
function optionRows(input: CreatePollInput, defaults: TemplateDefaults, allowBlock: boolean) {
  const given = input.options ?? [];
  if (input.kind === "question") {
    if (given.length) throw new AppError("BAD_REQUEST", "A question round has no options: people answer in their own words.");
    return [];
  }
  const names = given.length ? given : (defaults.options ?? DEFAULT_OPTIONS[input.kind] ?? []);
  const filtered = input.kind === "proposal" && !allowBlock ? names.filter((name) => name !== "Block") : names;
  if (new Set(filtered.map((name) => name.toLowerCase())).size !== filtered.length) {
    throw new AppError("BAD_REQUEST", "Two options have the same name.");
  }
  if (filtered.length < (MIN_OPTIONS[input.kind] ?? 0)) {
    throw new AppError("BAD_REQUEST", `Add at least ${MIN_OPTIONS[input.kind]} option${MIN_OPTIONS[input.kind] === 1 ? "" : "s"}.`);
  }
  const rows = filtered.map((name) => {
    if (input.kind !== "meeting") return { name, startsAt: null };
    const startsAt = new Date(name);
    if (Number.isNaN(startsAt.getTime())) throw new AppError("BAD_REQUEST", `“${name}” is not a date and time.`);
    return { name: startsAt.toISOString(), startsAt };
  });
  if (input.kind === "meeting") rows.sort((a, b) => a.startsAt!.getTime() - b.startsAt!.getTime());
  return input.noneOfTheAbove && input.kind === "poll" ? [...rows, { name: "None of the above", startsAt: null }] : rows;
}

/** A scheduled opening is in the future and before the poll closes. */
export function checkOpensAt(opensAt: Date, closingAt: Date) {
  if (opensAt.getTime() <= Date.now()) throw new AppError("BAD_REQUEST", "Choose an opening time in the future, or leave it out to open the poll now.");
  if (opensAt.getTime() >= closingAt.getTime()) throw new AppError("BAD_REQUEST", "The poll must open before it closes: choose an opening time before the closing time.");
}

function checkSettings(input: CreatePollInput, optionCount: number, seats: number | undefined) {
  if (input.closingAt.getTime() <= Date.now()) throw new AppError("BAD_REQUEST", "Choose a closing time in the future.");
  if (input.opensAt) checkOpensAt(input.opensAt, input.closingAt);
  const methods = METHODS_OF[input.kind];
  if (input.countingMethod && !methods) {
    throw new AppError("BAD_REQUEST", "Only ranked-choice polls and elections have a counting method: leave it out for this kind of poll.");
  }
  if (input.countingMethod && !methods?.includes(input.countingMethod)) {
    throw new AppError(
      "BAD_REQUEST",
      input.kind === "stv"
        ? "An election is counted by Scottish STV (scottish_stv) or Meek STV (meek_stv)."
        : "A ranked-choice poll is counted by schulze, instant_runoff or borda; scottish_stv and meek_stv are for elections.",
    );
  }
  if (input.seats !== undefined && input.kind !== "stv") {
    throw new AppError("BAD_REQUEST", "Only elections have seats: leave them out for this kind of poll.");
  }
  if (input.kind === "stv") {
    if (seats === undefined) throw new AppError("BAD_REQUEST", "Say how many seats the election fills.");
    if (seats >= optionCount) {
      throw new AppError(
        "BAD_REQUEST",
        `An election for ${seatsText(seats)} needs more options than seats, or everyone would be elected: add options, or fill fewer seats.`,
      );
    }
  }
  const min = input.minChoices ?? 1;
  const max = input.maxChoices ?? min;
  if (input.kind === "poll" && (min > max || max > optionCount)) {
    throw new AppError("BAD_REQUEST", `Choices must be between 1 and the number of options (${optionCount}), minimum first.`);
  }
  if (input.kind === "score" && (input.scoreMin ?? 0) >= (input.scoreMax ?? 5)) {
    throw new AppError("BAD_REQUEST", "The lowest score must be below the highest.");
  }
}

/** The chosen voters must be members of the group, or guests invited to the poll's thread. */
async function checkVoters(db: Db, groupId: string, threadId: string | undefined, voterIds: string[]) {
  if (voterIds.length === 0) throw new AppError("BAD_REQUEST", "Choose at least one voter, or let everyone vote.");
  const eligible = await db.user.findMany({
    where: {
      id: { in: voterIds },
      OR: [
        { memberships: { some: { groupId, ...membershipsAllowedWhere("poll.vote") } } },
        ...(threadId ? [{ threadGuestOf: { some: { threadId } } }] : []),
      ],
    },
    select: { id: true },
  });
  if (eligible.length !== new Set(voterIds).size) {
    throw new AppError("BAD_REQUEST", "Some chosen voters are not members of this group or guests of this thread.");
  }
}

export async function createPoll(db: Db, publish: Publish, userId: string, input: CreatePollInput): Promise<{ id: string }> {
  const standing = await requireInGroup(db, userId, input.groupId, "poll.create");
  if (input.threadId) {
    const thread = await db.thread.findUnique({ where: { id: input.threadId }, select: { groupId: true, closedAt: true } });
    if (!thread || thread.groupId !== input.groupId || !canViewThread(standing, { isThreadGuest: false })) {
      throw new AppError("BAD_REQUEST", "That thread is not in this group.");
    }
  }
  if (input.meetingId) await assertLinkableMeeting(db, standing, input.groupId, input.meetingId);
  const defaults = await templateDefaults(db, input.groupId, input.template);
  const allowBlock = input.allowBlock ?? defaults.allowBlock ?? true;
  const options = optionRows(input, defaults, allowBlock);
  const seats = input.kind === "stv" ? (input.seats ?? defaults.seats) : undefined;
  checkSettings(input, options.length, seats);
  const { reasonForAll, ...rules } = votingRuleColumns(input.kind, options.map(({ name }) => name), input);
  if (input.voterIds) await checkVoters(db, input.groupId, input.threadId, input.voterIds);

  const poll = await db.poll.create({
    data: {
      groupId: input.groupId,
      threadId: input.threadId ?? null,
      meetingId: input.meetingId ?? null,
      authorId: userId,
      kind: input.kind,
      template: input.template ?? null,
      title: input.title,
      details: input.details ?? "",
      closingAt: input.closingAt,
      anonymous: input.anonymous ?? defaults.anonymous ?? false,
      hideResults: input.hideResults ?? defaults.hideResults ?? "off",
      allowChangeVote: input.allowChangeVote ?? true,
      showReasons: input.showReasons ?? true,
      reasonRequired: reasonForAll || (input.reasonRequired ?? defaults.reasonRequired ?? input.kind === "question"),
      allowBlock,
      votersAddOptions: input.votersAddOptions ?? false,
      shuffleOptions: input.shuffleOptions ?? false,
      minChoices: input.kind === "poll" ? (input.minChoices ?? defaults.minChoices ?? 1) : null,
      maxChoices: input.kind === "poll" ? (input.maxChoices ?? defaults.maxChoices ?? input.minChoices ?? 1) : null,
      dotsPerPerson: input.kind === "dot_vote" ? (input.dotsPerPerson ?? 10) : null,
      scoreMin: input.kind === "score" ? (input.scoreMin ?? 0) : null,
      scoreMax: input.kind === "score" ? (input.scoreMax ?? 5) : null,
      countTarget: input.kind === "count" ? (input.countTarget ?? null) : null,
      // Fixed from here on: changing how votes are counted once they are in would change the winner under people's feet.
      countingMethod: countingMethodFor(input, defaults),
      seats: seats ?? null,
      ...rules,
      opensAt: input.opensAt ?? null,
      restrictVoters: input.voterIds !== undefined,
      options: { create: options.map((option, position) => ({ ...option, position })) },
      voters: input.voterIds ? { create: [...new Set(input.voterIds)].map((voterId) => ({ userId: voterId })) } : undefined,
    },
    select: { id: true, groupId: true, threadId: true, restrictVoters: true, title: true },
  });
  if (poll.threadId) await db.thread.update({ where: { id: poll.threadId }, data: { lastActivityAt: new Date() } });
  cookAhead(input.details);
  publishPollChange(publish, poll);
  if (input.meetingId) publishMeetingChange(publish, { id: input.meetingId, groupId: input.groupId });
  // A scheduled poll is announced on its page and in lists now; its voters are asked to vote when it opens (polls/opening.ts).
  if (!input.opensAt) await notifyNewPoll(db, publish, { actorId: userId, poll });
  return { id: poll.id };
}
