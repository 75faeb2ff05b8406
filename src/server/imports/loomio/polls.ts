import { randomInt, randomUUID } from "node:crypto";
import { type Draft, newId } from "@/server/imports/loomio/draft";
import { date, fitted, flag, hideResults, idOf, int, markdown, optionLabel, reasonRequired, renderProblem, text, type LoomioRecord } from "@/server/imports/loomio/fields";
import { ballotChoices, type OptionMap } from "@/server/imports/loomio/ballots";
import type { StagedRow } from "@/server/imports/loomio/staging";
import type { UnitRows } from "@/server/imports/loomio/unit";
import { newReceipt } from "@/server/polls/change-key";
import { POLL_KINDS } from "@/server/polls/schemas";

type PollKind = (typeof POLL_KINDS)[number];
export type PollScope = { groupId: string; threadId: string | null };

type BallotRow = { id: string; pollId: string; voterId: string | null; reason: string; receipt: string; castAt: Date | null; supersededAt: Date | null };
type ChoiceRow = { id: string; ballotId: string; optionId: string; score: number | null; rank: number | null };

const NONE_OF_THE_ABOVE = "None of the above";

const byNumericId = (a: StagedRow, b: StagedRow) => Number(a.id) - Number(b.id) || a.seq - b.seq;

/**
 * One poll with its options, votes and outcome, planned into the unit's draft. Only a person's
 * latest cast stance counts; their earlier ones become superseded ballots (Hearth's vote
 * history). Anonymous polls get ballots with no voter, no time and a random order, and nothing
 * that links a ballot to a stance. Returns the poll's Hearth id, or null when it is skipped.
 */
export async function importPoll(draft: Draft, unit: UnitRows, row: StagedRow, scope: PollScope): Promise<string | null> {
  const record = unit.record(row);
  const options = unit.children("poll_options", row.id);
  const stances = unit.children("stances", row.id);
  const outcomes = unit.children("outcomes", row.id);
  const skipAll = (reason: string, childReason: string) => {
    draft.skip(row, reason);
    for (const child of [...options, ...stances, ...outcomes]) draft.skip(child, childReason);
    for (const stance of stances) unit.children("stance_choices", stance.id).forEach((choice) => draft.done(choice));
    return null;
  };
  if (record.discarded_at) return skipAll("deleted in Loomio", "its poll was deleted in Loomio");
  const kind = POLL_KINDS.find((one) => one === record.poll_type);
  if (!kind) return skipAll(`Hearth has no “${text(record.poll_type)}” polls`, "its poll was not imported");
  const anonymous = flag(record.anonymous);
  let pollId = row.target;
  if (pollId && !(await draft.run.db.poll.findUnique({ where: { id: pollId }, select: { id: true } }))) {
    return skipAll("the poll an earlier import made has since been deleted in Hearth", "its poll was deleted in Hearth");
  }
  const isNew = pollId === null;
  pollId ??= newId();
  if (isNew) draft.create("polls");
  else draft.match("polls");

  const { map: optionMap, none, names } = await importOptions(draft, unit, record, kind, pollId, options, isNew);
  const poll = isNew ? newPollData(draft, row, record, kind, pollId, scope) : null;
  if (poll) {
    poll.allowBlock = kind === "proposal" && names.has("block");
    // Written at commit: the settings widened and the outcome set below are in it by then.
    draft.write((db) => db.poll.create({ data: poll, select: { id: true } }));
    draft.map(row, pollId);
  } else {
    draft.done(row);
  }
  draft.writeMany(optionMap.newRows, (batch) => (db) => db.pollOption.createMany({ data: batch }));

  const choiceOf = (stance: StagedRow) => ballotChoices(kind, unit.record(stance), unit.children("stance_choices", stance.id).map((choice) => unit.record(choice)), optionMap, none);
  const widest = { choices: 0, score: 0, dots: 0 };
  const ballots: BallotRow[] = [];
  const choices: ChoiceRow[] = [];
  const addBallot = (stance: StagedRow, ballot: Omit<BallotRow, "pollId" | "receipt" | "reason">) => {
    const stanceRecord = unit.record(stance);
    const reason = markdown(stanceRecord.reason, stanceRecord.reason_format);
    const problem = renderProblem(reason);
    if (problem) draft.warn(`Line ${stance.line}: the reason given with vote ${stance.id} is shown as plain text, as ${problem}.`);
    ballots.push({ ...ballot, pollId: pollId!, reason, receipt: newReceipt() });
    const chosen = choiceOf(stance);
    widest.choices = Math.max(widest.choices, chosen.length);
    widest.score = Math.max(widest.score, ...chosen.map((choice) => choice.score ?? 0));
    widest.dots = Math.max(widest.dots, chosen.reduce((sum, choice) => sum + (choice.score ?? 0), 0));
    choices.push(...chosen.map((choice) => ({ id: randomUUID(), ballotId: ballot.id, ...choice })));
  };

  if (anonymous) importAnonymousStances(draft, unit, stances, isNew, addBallot);
  else await importStances(draft, unit, record, stances, pollId, isNew, addBallot);
  if (poll) widenSettings(poll, kind, widest);
  // Anonymous ballots are written in a random order, so not even the order of rows follows the votes.
  if (anonymous) shuffle(ballots);
  draft.writeMany(ballots, (batch) => (db) => db.ballot.createMany({ data: batch }));
  draft.writeMany(choices, (batch) => (db) => db.ballotChoice.createMany({ data: batch }));
  if (anonymous && isNew && ballots.length) draft.note("anonymousPolls");
  importOutcome(draft, unit, outcomes, pollId, poll, optionMap);
  return pollId;
}

function newPollData(draft: Draft, row: StagedRow, record: LoomioRecord, kind: PollKind, pollId: string, scope: PollScope) {
  const { run } = draft;
  let authorId = run.staging.target("users", record.author_id);
  if (!authorId) {
    draft.warn(`Line ${row.line}: the author of poll ${row.id} (user ${text(record.author_id) || "unknown"}) was not imported, so it is shown as started by the importing admin.`);
    authorId = run.adminUserId;
  }
  const details = markdown(record.details, record.details_format);
  const problem = renderProblem(details);
  if (problem) draft.warn(`Line ${row.line}: the details of poll ${row.id} are shown as plain text, as ${problem}.`);
  const createdAt = date(record.created_at) ?? new Date();
  const closedAt = date(record.closed_at);
  const min = int(record.minimum_stance_choices);
  const max = int(record.maximum_stance_choices);
  const agreeTarget = int(record.agree_target);
  const anonymous = flag(record.anonymous);
  return {
    id: pollId,
    groupId: scope.groupId,
    threadId: scope.threadId,
    authorId,
    kind,
    title: fitted(text(record.title) || "Untitled poll", 200, `Line ${row.line}: the title of poll ${row.id}`, (message) => draft.warn(message)),
    details,
    closingAt: date(record.closing_at) ?? closedAt ?? createdAt,
    closedAt,
    anonymous,
    hideResults: hideResults(record.hide_results),
    reasonRequired: reasonRequired(record.stance_reason_required) || kind === "question",
    allowBlock: false,
    votersAddOptions: flag(record.voter_can_add_options),
    shuffleOptions: flag(record.shuffle_options),
    minChoices: kind === "poll" ? Math.max(1, min ?? 1) : null,
    maxChoices: kind === "poll" ? Math.max(1, min ?? 1, max ?? min ?? 1) : null,
    dotsPerPerson: kind === "dot_vote" ? Math.max(1, int(record.dots_per_person) ?? 10) : null,
    scoreMin: kind === "score" ? (int(record.min_score) ?? 0) : null,
    scoreMax: kind === "score" ? (int(record.max_score) ?? 5) : null,
    countTarget: kind === "count" && agreeTarget !== null && agreeTarget >= 1 ? agreeTarget : null,
    // Loomio ranks by points (Borda), so the imported poll names the winner its voters saw.
    countingMethod: kind === "ranked_choice" ? ("borda" as const) : ("schulze" as const),
    // Chosen voters are named by their stances; an anonymous export names no one, so its poll is open to the group.
    restrictVoters: flag(record.specified_voters_only) && !anonymous,
    createdAt,
    outcomeStatement: null as string | null,
    outcomeOptionId: null as string | null,
    outcomeReviewOn: null as Date | null,
    outcomeAuthorId: null as string | null,
    outcomeAt: null as Date | null,
  };
}

type PollData = ReturnType<typeof newPollData>;

/** Settings that the votes themselves show to have been wider than the poll's columns say. */
function widenSettings(poll: PollData, kind: PollKind, widest: { choices: number; score: number; dots: number }): void {
  if (kind === "poll") poll.maxChoices = Math.max(poll.maxChoices ?? 1, widest.choices);
  if (kind === "score") poll.scoreMax = Math.max(poll.scoreMax ?? 5, widest.score);
  if (kind === "dot_vote") poll.dotsPerPerson = Math.max(poll.dotsPerPerson ?? 10, widest.dots);
}

async function importOptions(
  draft: Draft,
  unit: UnitRows,
  record: LoomioRecord,
  kind: PollKind,
  pollId: string,
  options: StagedRow[],
  isNew: boolean,
): Promise<{ map: OptionMap; none: string | null; names: Set<string> }> {
  const map: OptionMap = { ids: new Map(), newRows: [] };
  const ordered = [...options].sort((a, b) => (int(unit.record(a).priority) ?? 0) - (int(unit.record(b).priority) ?? 0) || byNumericId(a, b));
  let position = isNew ? 0 : await draft.run.db.pollOption.count({ where: { pollId } });
  const names = new Set<string>();
  for (const option of ordered) {
    if (option.target) {
      map.ids.set(option.id, option.target);
      draft.match("pollOptions");
      draft.done(option);
      continue;
    }
    if (kind === "question") {
      draft.skip(option, "a question round has no options in Hearth: people answer in their own words");
      continue;
    }
    const optionRecord = unit.record(option);
    let name = fitted(optionLabel(text(optionRecord.name), kind) || `Option ${option.id}`, 200, `Line ${option.line}: an option name`, (message) => draft.warn(message));
    let startsAt: Date | null = null;
    if (kind === "meeting") {
      startsAt = date(name);
      if (startsAt) name = startsAt.toISOString();
      else draft.warn(`Line ${option.line}: the meeting time “${name}” is not a date and time, so it is kept as a named option.`);
    }
    names.add(name.toLowerCase());
    const id = newId();
    map.ids.set(option.id, id);
    map.newRows.push({ id, pollId, name, position: position++, startsAt });
    draft.create("pollOptions");
    draft.map(option, id);
  }
  // Loomio's "none of the above" is a flag on the vote; in Hearth it is an option of its own.
  let none: string | null = null;
  if (kind === "poll" && flag(record.show_none_of_the_above) && !names.has("none of the above")) {
    if (isNew) {
      none = newId();
      map.newRows.push({ id: none, pollId, name: NONE_OF_THE_ABOVE, position: position++, startsAt: null });
    } else {
      none = (await draft.run.db.pollOption.findFirst({ where: { pollId, name: NONE_OF_THE_ABOVE }, select: { id: true } }))?.id ?? null;
    }
  }
  return { map, none, names };
}

function importAnonymousStances(draft: Draft, unit: UnitRows, stances: StagedRow[], isNew: boolean, addBallot: (stance: StagedRow, ballot: Omit<BallotRow, "pollId" | "receipt" | "reason">) => void): void {
  for (const stance of stances) {
    const record = unit.record(stance);
    unit.children("stance_choices", stance.id).forEach((choice) => draft.done(choice));
    const counts = Boolean(record.cast_at) && flag(record.latest);
    if (!isNew) {
      // A closed anonymous poll cannot change; its votes came in with it.
      if (counts) draft.match("votes");
      draft.done(stance);
    } else if (counts) {
      addBallot(stance, { id: randomUUID(), voterId: null, castAt: null, supersededAt: null });
      draft.create("votes");
      draft.done(stance);
    } else {
      draft.skip(stance, record.cast_at ? "an earlier vote in an anonymous poll: Hearth keeps only the vote that counts" : "invited to vote, but did not");
    }
  }
}

async function importStances(
  draft: Draft,
  unit: UnitRows,
  pollRecord: LoomioRecord,
  stances: StagedRow[],
  pollId: string,
  isNew: boolean,
  addBallot: (stance: StagedRow, ballot: Omit<BallotRow, "pollId" | "receipt" | "reason">) => void,
): Promise<void> {
  const { staging } = draft.run;
  const restrict = flag(pollRecord.specified_voters_only);
  const participated = new Set(
    isNew ? [] : (await draft.run.db.pollParticipation.findMany({ where: { pollId }, select: { userId: true } })).map(({ userId }) => userId),
  );
  const voters = new Set(isNew ? [] : (await draft.run.db.pollVoter.findMany({ where: { pollId }, select: { userId: true } })).map(({ userId }) => userId));
  const byParticipant = new Map<string, StagedRow[]>();
  for (const stance of stances) {
    unit.children("stance_choices", stance.id).forEach((choice) => draft.done(choice));
    const participant = idOf(unit.record(stance).participant_id);
    if (participant === null) draft.skip(stance, "the vote names no voter");
    else byParticipant.set(participant, [...(byParticipant.get(participant) ?? []), stance]);
  }
  const participations: { pollId: string; userId: string; votedAt: Date }[] = [];
  const newVoters: { pollId: string; userId: string }[] = [];
  for (const [participant, own] of byParticipant) {
    const voterId = staging.target("users", participant);
    if (!voterId) {
      own.forEach((stance) => draft.skip(stance, `the voter (user ${participant}) was not imported`));
      continue;
    }
    if (restrict && !voters.has(voterId)) {
      voters.add(voterId);
      newVoters.push({ pollId, userId: voterId });
    }
    const castAt = (stance: StagedRow) => date(unit.record(stance).cast_at);
    const cast = own.filter((stance) => castAt(stance)).sort((a, b) => castAt(a)!.getTime() - castAt(b)!.getTime() || byNumericId(a, b));
    own.filter((stance) => !castAt(stance)).forEach((stance) => (restrict ? draft.done(stance) : draft.skip(stance, "invited to vote, but did not")));
    const current = cast.findLast((stance) => flag(unit.record(stance).latest)) ?? null;
    const history = cast.filter((stance) => stance !== current);
    const uncast = own.find((stance) => !castAt(stance));
    // A vote is history from the moment the next one was cast (or, with none, the next invitation).
    const supersededAt = (index: number) => {
      const next = history[index + 1] ?? current;
      if (next) return castAt(next)!;
      return (uncast && date(unit.record(uncast).created_at)) ?? castAt(history[index]!)!;
    };
    history.forEach((stance, index) => {
      if (stance.target) {
        // Counted before and changed since: the ballot becomes history when the newer vote is new.
        if (current && !current.target) {
          const until = supersededAt(index);
          draft.write((db) => db.ballot.updateMany({ where: { id: stance.target!, supersededAt: null }, data: { supersededAt: until } }));
        }
        draft.match("voteHistory");
        draft.done(stance);
        return;
      }
      const id = randomUUID();
      addBallot(stance, { id, voterId, castAt: castAt(stance), supersededAt: supersededAt(index) });
      draft.create("voteHistory");
      draft.map(stance, id);
    });
    if (!current) continue;
    if (current.target) {
      draft.match("votes");
      draft.done(current);
      continue;
    }
    const id = randomUUID();
    addBallot(current, { id, voterId, castAt: castAt(current), supersededAt: null });
    draft.create("votes");
    draft.map(current, id);
    if (participated.has(voterId)) {
      draft.write((db) => db.pollParticipation.update({ where: { pollId_userId: { pollId, userId: voterId } }, data: { votedAt: castAt(current)! }, select: { pollId: true } }));
    } else {
      participated.add(voterId);
      participations.push({ pollId, userId: voterId, votedAt: castAt(current)! });
    }
  }
  if (newVoters.length) draft.create("pollVoters", newVoters.length);
  draft.writeMany(newVoters, (batch) => (db) => db.pollVoter.createMany({ data: batch }));
  draft.writeMany(participations, (batch) => (db) => db.pollParticipation.createMany({ data: batch }));
}

/** The latest outcome is the poll's; earlier ones were replaced in Loomio. */
function importOutcome(draft: Draft, unit: UnitRows, outcomes: StagedRow[], pollId: string, poll: PollData | null, optionMap: OptionMap): void {
  const ordered = [...outcomes].sort(
    (a, b) =>
      Number(flag(unit.record(b).latest)) - Number(flag(unit.record(a).latest)) ||
      (date(unit.record(b).created_at)?.getTime() ?? 0) - (date(unit.record(a).created_at)?.getTime() ?? 0) ||
      byNumericId(b, a),
  );
  ordered.forEach((row, index) => {
    if (draft.importedBefore(row, "outcomes")) return;
    if (index > 0) {
      draft.skip(row, "superseded by a later outcome");
    } else {
      const record = unit.record(row);
      const statement = markdown(record.statement, record.statement_format);
      const problem = renderProblem(statement);
      if (problem) draft.warn(`Line ${row.line}: outcome ${row.id} is shown as plain text, as ${problem}.`);
      let authorId = draft.run.staging.target("users", record.author_id);
      if (!authorId) {
        draft.warn(`Line ${row.line}: the author of outcome ${row.id} was not imported, so it is shown as written by the importing admin.`);
        authorId = draft.run.adminUserId;
      }
      const outcomeAt = date(record.created_at) ?? new Date();
      const outcome = {
        outcomeStatement: statement,
        outcomeOptionId: optionMap.ids.get(idOf(record.poll_option_id) ?? "") ?? null,
        outcomeReviewOn: date(record.review_on),
        outcomeAuthorId: authorId,
        outcomeAt,
      };
      if (poll) {
        Object.assign(poll, outcome);
        // Hearth writes an outcome only once a poll is closed.
        poll.closedAt ??= outcomeAt < poll.closingAt ? outcomeAt : poll.closingAt;
      } else {
        draft.write((db) => db.poll.update({ where: { id: pollId }, data: outcome, select: { id: true } }));
      }
      draft.create("outcomes");
      draft.map(row, pollId);
    }
  });
}

function shuffle<T>(items: T[]): void {
  for (let index = items.length - 1; index > 0; index -= 1) {
    const other = randomInt(index + 1);
    [items[index], items[other]] = [items[other]!, items[index]!];
  }
}
