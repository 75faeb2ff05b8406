import { createHash } from "node:crypto";
import type { Prisma } from "@/generated/prisma/client.ts";
import type { Db } from "@/server/db";
import { filePathOf, type ExportRecord, type FileMeta } from "@/server/exports/hearth-json/format";
import type { LineWriter } from "@/server/exports/hearth-json/line-writer";
import { pages, pagesById, PAGE_SIZE } from "@/server/exports/streams";
import { pollSettingsSelect } from "@/server/polls/detail";
import { votingRulesSelect } from "@/server/polls/voting-rules";

/** Threads per page: each page's guests, attachments and reactions are loaded together. */
const THREAD_PAGE = 100;

export function fileMetaOf(file: { originalName: string; contentType: string; size: number; sha256: string }): FileMeta {
  return { name: file.originalName, contentType: file.contentType, size: file.size, sha256: file.sha256, path: filePathOf(file.sha256) };
}

const FILE_SELECT = { originalName: true, contentType: true, size: true, sha256: true, uploadedById: true } as const;

const POLL_SELECT = {
  id: true,
  groupId: true,
  threadId: true,
  meetingId: true,
  authorId: true,
  kind: true,
  template: true,
  title: true,
  details: true,
  closingAt: true,
  closedAt: true,
  ...pollSettingsSelect,
  ...votingRulesSelect,
  opensAt: true,
  openedNoticeAt: true,
  eligibleAtClose: true,
  reminderSentAt: true,
  createdAt: true,
  outcomeStatement: true,
  outcomeOptionId: true,
  outcomeReviewOn: true,
  outcomeAuthorId: true,
  outcomeAt: true,
  voters: { select: { userId: true }, orderBy: { userId: "asc" } },
  options: {
    select: { id: true, pollId: true, name: true, position: true, startsAt: true, addedById: true, createdAt: true },
    orderBy: [{ position: "asc" }, { id: "asc" }],
  },
} satisfies Prisma.PollSelect;

type PollRow = Prisma.PollGetPayload<{ select: typeof POLL_SELECT }>;

const pollPages = (db: Db, where: { groupId: string; threadId: null } | { threadId: { in: string[] } }) =>
  pagesById(where, (page) => db.poll.findMany({ ...page, select: POLL_SELECT }));

/**
 * An anonymous ballot's id as the file shows it: a hash of the stored id, stable from one export
 * to the next (so a re-import recognises it) yet saying nothing about when the vote was cast,
 * whatever kind of id the ballot was stored with.
 */
export function anonymousBallotId(storedId: string): string {
  return createHash("sha256").update(`hearth-anonymous-ballot:${storedId}`).digest("hex").slice(0, 32);
}

/**
 * A poll, its options, its ballots and (for polls that are not anonymous) who voted when, then
 * its outcome. Anonymous ballots carry only their choices and reason: no voter, no time, no
 * superseded ballots and no participation rows, so nothing in the file links a person to a vote.
 * An anonymous poll that is still open exports no ballots at all: two exports taken either side
 * of someone's vote would otherwise show how they voted.
 */
async function writePoll(db: Db, w: LineWriter, poll: PollRow): Promise<void> {
  const { voters, options, outcomeStatement, outcomeOptionId, outcomeReviewOn, outcomeAuthorId, outcomeAt, ...settings } = poll;
  const voterIds = voters.map(({ userId }) => userId);
  await w.records(
    [{ type: "poll", data: { ...settings, voterIds } }, ...options.map((data): ExportRecord => ({ type: "poll_option", data }))],
    [poll.authorId, ...voterIds, ...options.map(({ addedById }) => addedById)],
  );

  if (!(poll.anonymous && poll.closedAt === null)) await writeBallots(db, w, poll);

  if (!poll.anonymous) {
    const participations = pages((after: { userId: string } | undefined) =>
      db.pollParticipation.findMany({
        where: { pollId: poll.id, ...(after && { userId: { gt: after.userId } }) },
        select: { pollId: true, userId: true, votedAt: true },
        orderBy: { userId: "asc" },
        take: PAGE_SIZE,
      }),
    );
    for await (const page of participations) {
      await w.records(page.map((data): ExportRecord => ({ type: "participation", data })), page.map(({ userId }) => userId));
    }
  }

  if (outcomeStatement !== null) {
    await w.records(
      [{ type: "outcome", data: { pollId: poll.id, statement: outcomeStatement, optionId: outcomeOptionId, reviewOn: outcomeReviewOn, authorId: outcomeAuthorId, at: outcomeAt } }],
      [outcomeAuthorId],
    );
  }
}

async function writeBallots(db: Db, w: LineWriter, poll: PollRow): Promise<void> {
  const ballots = pagesById({ pollId: poll.id, ...(poll.anonymous && { supersededAt: null }) }, (page) =>
    db.ballot.findMany({
      ...page,
      select: {
        id: true,
        voterId: true,
        castAt: true,
        supersededAt: true,
        reason: true,
        choices: { select: { optionId: true, score: true, rank: true }, orderBy: [{ rank: "asc" }, { optionId: "asc" }] },
      },
    }),
  );
  for await (const page of ballots) {
    await w.records(
      page.map(({ id, voterId, castAt, supersededAt, reason, choices }): ExportRecord =>
        poll.anonymous
          ? { type: "ballot", data: { id: anonymousBallotId(id), pollId: poll.id, reason, choices } }
          : { type: "ballot", data: { id, pollId: poll.id, voterId, castAt, supersededAt, reason, choices } },
      ),
      poll.anonymous ? [] : page.map(({ voterId }) => voterId),
    );
  }
}

/** The group's polls that belong to no thread (those in a thread follow their thread). */
export async function writeStandalonePolls(db: Db, w: LineWriter, groupId: string): Promise<void> {
  for await (const page of pollPages(db, { groupId, threadId: null })) {
    for (const poll of page) await writePoll(db, w, poll);
  }
}

async function writeComments(db: Db, w: LineWriter, threadId: string): Promise<void> {
  const batches = pages((after: { seq: number } | undefined) =>
    db.comment.findMany({
      where: { threadId, ...(after && { seq: { gt: after.seq } }) },
      select: { id: true, threadId: true, parentId: true, authorId: true, seq: true, body: true, editedAt: true, deletedAt: true, deletedById: true, createdAt: true },
      // Sequence order puts every comment before its replies.
      orderBy: { seq: "asc" },
      take: PAGE_SIZE,
    }),
  );
  for await (const comments of batches) {
    const reactions = await db.reaction.findMany({
      where: { subject: "comment", subjectId: { in: comments.map(({ id }) => id) } },
      select: { id: true, subject: true, subjectId: true, userId: true, emoji: true, createdAt: true },
      orderBy: { id: "asc" },
    });
    await w.records(
      [
        ...comments.map((data): ExportRecord => ({ type: "comment", data })),
        ...reactions.map((data): ExportRecord => ({ type: "reaction", data: { ...data, subject: "comment" } })),
      ],
      [...comments.flatMap(({ authorId, deletedById }) => [authorId, deletedById]), ...reactions.map(({ userId }) => userId)],
    );
  }
}

function byThread<T extends { threadId: string | null }>(rows: T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    if (!row.threadId) continue;
    const list = map.get(row.threadId);
    if (list) list.push(row);
    else map.set(row.threadId, [row]);
  }
  return map;
}

/**
 * Each thread followed by everything that hangs from it (guests, attachments, reactions,
 * comments, missing attachments, polls), so an importer can bring a thread in as one unit.
 */
export async function writeThreads(db: Db, w: LineWriter, groupId: string): Promise<void> {
  const batches = pagesById(
    { groupId },
    (page) =>
      db.thread.findMany({
        ...page,
        select: {
          id: true,
          groupId: true,
          authorId: true,
          title: true,
          body: true,
          pinnedAt: true,
          closedAt: true,
          editedAt: true,
          lastActivityAt: true,
          meetingId: true,
          createdAt: true,
          tags: { select: { tag: true }, orderBy: { tag: "asc" } },
        },
      }),
    THREAD_PAGE,
  );
  for await (const threads of batches) {
    const threadIds = threads.map(({ id }) => id);
    const inPage = { threadId: { in: threadIds } };
    const [guests, attachments, missing, reactions] = await Promise.all([
      db.threadGuest.findMany({ where: inPage, select: { threadId: true, userId: true, createdAt: true }, orderBy: { userId: "asc" } }),
      db.threadAttachment.findMany({ where: inPage, select: { threadId: true, fileId: true, createdAt: true, file: { select: FILE_SELECT } }, orderBy: { fileId: "asc" } }),
      db.missingAttachment.findMany({
        where: inPage,
        select: { id: true, threadId: true, commentId: true, filename: true, contentType: true, sourceUrl: true, createdAt: true },
        orderBy: { id: "asc" },
      }),
      db.reaction.findMany({
        where: { subject: "thread", subjectId: { in: threadIds } },
        select: { id: true, subjectId: true, userId: true, emoji: true, createdAt: true },
        orderBy: { id: "asc" },
      }),
    ]);
    const guestsOf = byThread(guests);
    const attachmentsOf = byThread(attachments);
    const missingOf = byThread(missing);
    const reactionsOf = byThread(reactions.map((reaction) => ({ ...reaction, threadId: reaction.subjectId })));
    const polls: PollRow[] = [];
    for await (const page of pollPages(db, inPage)) polls.push(...page);
    const pollsOf = byThread(polls);

    for (const { tags, ...thread } of threads) {
      const threadGuests = guestsOf.get(thread.id) ?? [];
      const threadAttachments = attachmentsOf.get(thread.id) ?? [];
      const threadReactions = reactionsOf.get(thread.id) ?? [];
      await w.records(
        [
          { type: "thread", data: { ...thread, tags: tags.map(({ tag }) => tag) } },
          ...threadGuests.map((data): ExportRecord => ({ type: "thread_guest", data })),
          ...threadAttachments.map(({ threadId, fileId, createdAt, file }): ExportRecord => ({
            type: "thread_attachment",
            data: { threadId, fileId, uploadedById: file.uploadedById, createdAt, file: fileMetaOf(file) },
          })),
          ...threadReactions.map(({ id, subjectId, userId, emoji, createdAt }): ExportRecord => ({
            type: "reaction",
            data: { id, subject: "thread", subjectId, userId, emoji, createdAt },
          })),
        ],
        [
          thread.authorId,
          ...threadGuests.map(({ userId }) => userId),
          ...threadAttachments.map(({ file }) => file.uploadedById),
          ...threadReactions.map(({ userId }) => userId),
        ],
      );
      await writeComments(db, w, thread.id);
      await w.records((missingOf.get(thread.id) ?? []).map((data): ExportRecord => ({ type: "missing_attachment", data })));
      for (const poll of pollsOf.get(thread.id) ?? []) await writePoll(db, w, poll);
    }
  }
}
