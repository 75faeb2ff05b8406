import type { Prisma } from "@/generated/prisma/client.ts";
import type { Db } from "@/server/db";
import type { DecisionDto } from "@/server/decisions/schemas";
import { cookMarkdown } from "@/server/markdown/cook";

const REF = { select: { id: true, title: true } } as const;
/** A thread can move to another group; its polls (and their decisions) stay, and the link is then left out. */
const THREAD = { select: { id: true, title: true, groupId: true } } as const;
const VERSION = { select: { id: true, name: true, adoptedAt: true, document: REF } } as const;

/** Everything a DecisionDto shows, in one findMany (Prisma loads each relation for all rows at once). */
export const decisionSelect = {
  id: true,
  groupId: true,
  title: true,
  result: true,
  verdict: true,
  decidedAt: true,
  status: true,
  reviewOn: true,
  owner: { select: { id: true, name: true } },
  poll: { select: { id: true, title: true, outcomeAt: true, thread: THREAD, meeting: REF, adoptsVersion: VERSION } },
  documentVersion: { select: { ...VERSION.select, poll: { select: { id: true, title: true, thread: THREAD, meeting: REF } } } },
  supersededBy: REF,
  supersedes: { ...REF, orderBy: [{ decidedAt: "asc" }, { id: "asc" }] },
  _count: { select: { tasks: true } },
} satisfies Prisma.DecisionSelect;

export type DecisionRow = Prisma.DecisionGetPayload<{ select: typeof decisionSelect }>;

/** Open tasks per decision, in one query for the whole page. */
export async function openTaskCounts(db: Db, decisionIds: readonly string[]): Promise<Map<string, number>> {
  if (decisionIds.length === 0) return new Map();
  const rows = await db.task.groupBy({ by: ["decisionId"], where: { decisionId: { in: [...decisionIds] }, doneAt: null }, _count: { _all: true } });
  return new Map(rows.map((row) => [row.decisionId ?? "", row._count._all]));
}

export function toDecisionDto(row: DecisionRow, openTasks: number): DecisionDto {
  const version = row.documentVersion ?? row.poll?.adoptsVersion ?? null;
  const poll = row.poll ?? row.documentVersion?.poll ?? null;
  // A poll with a version is an adopted amendment: its change is in the text, and its poll cannot be reopened.
  const amendment = row.poll !== null && row.documentVersion !== null;
  const withdrawn = amendment ? false : row.documentVersion ? row.documentVersion.adoptedAt === null : row.poll ? row.poll.outcomeAt === null : false;
  return {
    id: row.id,
    groupId: row.groupId,
    title: row.title,
    result: row.result,
    resultHtml: cookMarkdown(row.result),
    verdict: row.verdict,
    decidedAt: row.decidedAt,
    status: row.status,
    withdrawn,
    owner: row.owner,
    reviewOn: row.reviewOn,
    links: {
      thread: poll?.thread && poll.thread.groupId === row.groupId ? { id: poll.thread.id, title: poll.thread.title } : null,
      poll: poll ? { id: poll.id, title: poll.title } : null,
      meeting: poll?.meeting ?? null,
      document: version ? { id: version.document.id, title: version.document.title, versionId: version.id, versionName: version.name ?? "" } : null,
    },
    supersededBy: row.supersededBy,
    supersedes: row.supersedes,
    taskCount: { open: openTasks, done: row._count.tasks - openTasks },
  };
}

/** Rows to DTOs with their task counts: one more query whatever the number of rows. */
export async function toDecisionDtos(db: Db, rows: readonly DecisionRow[]): Promise<DecisionDto[]> {
  const open = await openTaskCounts(
    db,
    rows.filter((row) => row._count.tasks > 0).map((row) => row.id),
  );
  return rows.map((row) => toDecisionDto(row, open.get(row.id) ?? 0));
}
