import type { Prisma } from "@/generated/prisma/client.ts";
import type { Db } from "@/server/db";
import { pagedById, pages, pagesById } from "@/server/exports/streams";
import { csvFile, type TableScope } from "@/server/exports/zip/csv";
import { groupHandle, person } from "@/server/exports/zip/selects";
import { isClosed } from "@/server/polls/access";
import { votingRulesSelect } from "@/server/polls/voting-rules";

/**
 * Polls whose ballots the download holds: those whose results the group's admins see now. While
 * a poll is open its ballots stay out when it is anonymous (comparing two downloads would show how
 * each late voter voted) or hides its results; they come with the first download after it closes.
 */
function ballotsExportable(now: Date): Prisma.PollWhereInput {
  return { OR: [{ closedAt: { not: null } }, { closingAt: { lte: now } }, { anonymous: false, hideResults: "off" }] };
}

const votesIncluded = (poll: { anonymous: boolean; hideResults: string; closedAt: Date | null; closingAt: Date }, now: Date) =>
  isClosed(poll, now) || (!poll.anonymous && poll.hideResults === "off");

export const pollsCsv = csvFile(
  "polls.csv",
  (db, { groupIds, now }) =>
    pagedById({ groupId: { in: groupIds } }, async (page) => {
      const rows = await db.poll.findMany({
        ...page,
        select: {
          id: true,
          group: groupHandle,
          threadId: true,
          kind: true,
          title: true,
          details: true,
          author: person,
          createdAt: true,
          closingAt: true,
          closedAt: true,
          anonymous: true,
          hideResults: true,
          countingMethod: true,
          seats: true,
          ...votingRulesSelect,
          opensAt: true,
          options: { select: { name: true }, orderBy: { position: "asc" } },
          _count: { select: { participations: true } },
        },
      });
      return rows.map((row) => ({ ...row, votesIncluded: votesIncluded(row, now) }));
    }),
  [
    ["group", (p) => p.group.handle],
    ["poll_id", (p) => p.id],
    ["thread_id", (p) => p.threadId],
    ["kind", (p) => p.kind],
    ["title", (p) => p.title],
    ["details", (p) => p.details],
    ["author_id", (p) => p.author.id],
    ["author", (p) => p.author.name],
    ["created_at", (p) => p.createdAt],
    ["closing_at", (p) => p.closingAt],
    ["closed_at", (p) => p.closedAt],
    ["anonymous", (p) => p.anonymous],
    ["hide_results", (p) => p.hideResults],
    ["counting_method", (p) => (p.kind === "ranked_choice" || p.kind === "stv" ? p.countingMethod : null)],
    ["seats", (p) => (p.kind === "stv" ? p.seats : null)],
    ["opens_at", (p) => p.opensAt],
    ["quorum", (p) => (p.quorumPercent !== null ? `${p.quorumPercent}%` : p.quorumCount)],
    ["threshold", (p) => (p.thresholdRule === "custom" ? `${p.thresholdPercent ?? ""}%` : p.thresholdRule)],
    ["threshold_of", (p) => (p.thresholdRule ? p.thresholdBase : null)],
    ["reasons_required_for", (p) => p.reasonRequiredFor.split(",").filter(Boolean).join("; ")],
    ["options", (p) => p.options.map(({ name }) => name).join("; ")],
    ["voters", (p) => p._count.participations],
    ["votes_in_export", (p) => p.votesIncluded],
  ],
);

/** Names of poll options by id, for a page of rows that refer to them. */
async function optionNames(db: Db, ids: Iterable<string>): Promise<Map<string, string>> {
  const options = await db.pollOption.findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true, name: true } });
  return new Map(options.map(({ id, name }) => [id, name]));
}

type VoteRow = {
  group: string;
  pollId: string;
  pollTitle: string;
  ballot: number;
  voterId: string | null;
  voter: string | null;
  castAt: Date | null;
  option: string | null;
  score: number | null;
  rank: number | null;
  reason: string;
};

/**
 * One row per choice of each counted ballot (a ballot without choices has one row). In anonymous
 * polls the voter and the time stay blank and ballots come in the order of their random ids, so
 * nothing in the file points at a person.
 */
async function* voteRows(db: Db, { groupIds, now }: TableScope): AsyncGenerator<VoteRow> {
  let pollId: string | undefined;
  let ballot = 0;
  const ballots = pages((last: { id: string; pollId: string } | undefined, take) =>
    db.ballot.findMany({
      where: {
        supersededAt: null,
        poll: { groupId: { in: groupIds }, ...ballotsExportable(now) },
        ...(last && { OR: [{ pollId: { gt: last.pollId } }, { pollId: last.pollId, id: { gt: last.id } }] }),
      },
      orderBy: [{ pollId: "asc" }, { id: "asc" }],
      take,
      select: {
        id: true,
        pollId: true,
        poll: { select: { title: true, anonymous: true, showReasons: true, group: groupHandle } },
        voter: person,
        castAt: true,
        reason: true,
        choices: { select: { optionId: true, score: true, rank: true }, orderBy: [{ rank: "asc" }, { optionId: "asc" }] },
      },
    }),
  );
  for await (const page of ballots) {
    const names = await optionNames(db, page.flatMap(({ choices }) => choices.map(({ optionId }) => optionId)));
    for (const row of page) {
      ballot = row.pollId === pollId ? ballot + 1 : 1;
      pollId = row.pollId;
      const { anonymous } = row.poll;
      const common = {
        group: row.poll.group.handle,
        pollId: row.pollId,
        pollTitle: row.poll.title,
        ballot,
        voterId: anonymous ? null : (row.voter?.id ?? null),
        voter: anonymous ? null : (row.voter?.name ?? null),
        castAt: anonymous ? null : row.castAt,
        reason: row.poll.showReasons ? row.reason : "",
      };
      if (!row.choices.length) yield { ...common, option: null, score: null, rank: null };
      for (const choice of row.choices) yield { ...common, option: names.get(choice.optionId) ?? null, score: choice.score, rank: choice.rank };
    }
  }
}

export const votesCsv = csvFile("votes.csv", voteRows, [
  ["group", (v) => v.group],
  ["poll_id", (v) => v.pollId],
  ["poll_title", (v) => v.pollTitle],
  ["ballot", (v) => v.ballot],
  ["voter_id", (v) => v.voterId],
  ["voter", (v) => v.voter],
  ["cast_at", (v) => v.castAt],
  ["option", (v) => v.option],
  ["score", (v) => v.score],
  ["rank", (v) => v.rank],
  ["reason", (v) => v.reason],
]);

async function* outcomeRows(db: Db, { groupIds }: TableScope) {
  const polls = pagesById({ groupId: { in: groupIds }, outcomeStatement: { not: null } }, (page) =>
    db.poll.findMany({
      ...page,
      select: { id: true, title: true, group: groupHandle, outcomeStatement: true, outcomeOptionId: true, outcomeReviewOn: true, outcomeAuthorId: true, outcomeAt: true },
    }),
  );
  for await (const page of polls) {
    const names = await optionNames(db, page.flatMap(({ outcomeOptionId }) => (outcomeOptionId ? [outcomeOptionId] : [])));
    const authorIds = page.flatMap(({ outcomeAuthorId }) => (outcomeAuthorId ? [outcomeAuthorId] : []));
    const authors = new Map((await db.user.findMany({ where: { id: { in: authorIds } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]));
    for (const poll of page) {
      yield { ...poll, option: poll.outcomeOptionId ? names.get(poll.outcomeOptionId) : null, author: poll.outcomeAuthorId ? authors.get(poll.outcomeAuthorId) : null };
    }
  }
}

export const outcomesCsv = csvFile("outcomes.csv", outcomeRows, [
  ["group", (o) => o.group.handle],
  ["poll_id", (o) => o.id],
  ["poll_title", (o) => o.title],
  ["statement", (o) => o.outcomeStatement],
  ["option", (o) => o.option],
  ["review_on", (o) => o.outcomeReviewOn],
  ["author_id", (o) => o.outcomeAuthorId],
  ["author", (o) => o.author],
  ["written_at", (o) => o.outcomeAt],
]);
