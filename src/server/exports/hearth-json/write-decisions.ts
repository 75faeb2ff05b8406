import type { Prisma } from "@/generated/prisma/client.ts";
import type { Db } from "@/server/db";
import { splitSourceKey, type ExportRecord } from "@/server/exports/hearth-json/format";
import type { LineWriter } from "@/server/exports/hearth-json/line-writer";
import { pagesById } from "@/server/exports/streams";

/** Decisions, tasks and acknowledgement requests per page: each carries its notes, assignees or acknowledgements. */
const PAGE = 100;

const DECISION_SELECT = {
  id: true,
  groupId: true,
  pollId: true,
  documentVersionId: true,
  title: true,
  result: true,
  verdict: true,
  decidedAt: true,
  ownerId: true,
  status: true,
  reviewOn: true,
  reviewRemindedAt: true,
  supersededById: true,
  createdAt: true,
  updatedAt: true,
  supersededBy: { select: { groupId: true } },
  notes: { select: { id: true, decisionId: true, authorId: true, body: true, status: true, createdAt: true }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
} satisfies Prisma.DecisionSelect;

type DecisionRow = Prisma.DecisionGetPayload<{ select: typeof DECISION_SELECT }>;

/**
 * The groups' decisions, each followed by its notes. A decision that was replaced refers to the
 * one that replaced it, so that one is written first: a decision whose replacement has not been
 * written yet waits (only those are held) and follows it. The service allows no cycle of
 * replacements; should the rows hold one anyway, its last link is left out rather than pointing
 * forwards. Only the ids of decisions written are kept: a group has far fewer than comments.
 */
export async function writeDecisions(db: Db, w: LineWriter, groupIds: readonly string[]): Promise<void> {
  const inFile = new Set(groupIds);
  const written = new Set<string>();
  const waiting: DecisionRow[] = [];
  const ready = ({ supersededById, supersededBy }: DecisionRow) =>
    supersededById === null || !supersededBy || !inFile.has(supersededBy.groupId) || written.has(supersededById);

  const write = async (rows: DecisionRow[], dropReplacement = false) => {
    await w.records(
      rows.flatMap(({ supersededBy, notes, ...decision }): ExportRecord[] => [
        {
          type: "decision",
          data: {
            ...decision,
            // Not in the file (a subgroup left out of the download), or in a cycle: no link.
            supersededById: !dropReplacement && supersededBy && inFile.has(supersededBy.groupId) ? decision.supersededById : null,
          },
        },
        ...notes.map((data): ExportRecord => ({ type: "decision_note", data })),
      ]),
      rows.flatMap(({ ownerId, notes }) => [ownerId, ...notes.map(({ authorId }) => authorId)]),
    );
    for (const { id } of rows) written.add(id);
  };

  for await (const page of pagesById({ groupId: { in: [...groupIds] } }, (page) => db.decision.findMany({ ...page, select: DECISION_SELECT }), PAGE)) {
    // One at a time within the page: a decision may be replaced by one just before it.
    const now: DecisionRow[] = [];
    for (const row of page) {
      if (ready(row)) {
        now.push(row);
        written.add(row.id);
      } else waiting.push(row);
    }
    await write(now);
  }
  while (waiting.length > 0) {
    const now = waiting.filter(ready);
    if (now.length === 0) {
      await write(waiting.splice(0, 1), true);
      continue;
    }
    for (const row of now) waiting.splice(waiting.indexOf(row), 1);
    await write(now);
  }
}

/**
 * A task's source key names the text it was written in by that text's id. It is kept when that
 * text is in the file (the task's thread, comment or meeting); a task written in a comment on a
 * document (not exported) comes as a task added by hand, with no source key and no docCommentId.
 */
function exportedSourceKey(task: { sourceKey: string | null; threadId: string | null; commentId: string | null; meetingId: string | null }): string | null {
  const parts = task.sourceKey === null ? null : splitSourceKey(task.sourceKey);
  if (!parts) return null;
  return [task.threadId, task.commentId, task.meetingId].includes(parts.id) ? task.sourceKey : null;
}

/** The groups' tasks, after the threads, comments, meetings and decisions they belong to. */
export async function writeTasks(db: Db, w: LineWriter, groupIds: readonly string[]): Promise<void> {
  const batches = pagesById(
    { groupId: { in: [...groupIds] } },
    (page) =>
      db.task.findMany({
        ...page,
        select: {
          id: true,
          groupId: true,
          title: true,
          dueOn: true,
          doneAt: true,
          doneById: true,
          createdById: true,
          threadId: true,
          commentId: true,
          meetingId: true,
          decisionId: true,
          sourceKey: true,
          dueRemindedAt: true,
          overdueRemindedAt: true,
          createdAt: true,
          updatedAt: true,
          assignees: { select: { userId: true }, orderBy: { userId: "asc" } },
        },
      }),
    PAGE,
  );
  for await (const page of batches) {
    await w.records(
      page.map(({ assignees, ...task }): ExportRecord => ({
        type: "task",
        data: { ...task, sourceKey: exportedSourceKey(task), assigneeIds: assignees.map(({ userId }) => userId) },
      })),
      page.flatMap(({ createdById, doneById, assignees }) => [createdById, doneById, ...assignees.map(({ userId }) => userId)]),
    );
  }
}

/** The groups' acknowledgement requests, after the polls, document versions and meetings they are about. */
export async function writeAckRequests(db: Db, w: LineWriter, groupIds: readonly string[]): Promise<void> {
  const batches = pagesById(
    { groupId: { in: [...groupIds] } },
    (page) =>
      db.ackRequest.findMany({
        ...page,
        select: {
          id: true,
          groupId: true,
          subjectType: true,
          subjectId: true,
          contentHash: true,
          requestedById: true,
          lastRemindedAt: true,
          createdAt: true,
          acks: { select: { userId: true, contentHash: true, at: true }, orderBy: { userId: "asc" } },
        },
      }),
    PAGE,
  );
  for await (const page of batches) {
    await w.records(
      page.map((data): ExportRecord => ({ type: "ack_request", data })),
      page.flatMap(({ requestedById, acks }) => [requestedById, ...acks.map(({ userId }) => userId)]),
    );
  }
}
