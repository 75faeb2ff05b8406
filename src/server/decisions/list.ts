import type { Prisma } from "@/generated/prisma/client.ts";
import type { Db } from "@/server/db";
import { decisionSelect, toDecisionDtos } from "@/server/decisions/dto";
import type { DecisionDto, DecisionFilters, ListDecisionsInput } from "@/server/decisions/schemas";
import { fillMissingDecisions } from "@/server/decisions/sync";
import { AppError } from "@/server/errors";
import { requireInGroup } from "@/server/groups/standing";

export const DECISION_PAGE_SIZE = 25;

/** The register's filters as a Prisma filter on the group's decisions. */
export function decisionFiltersWhere(filters: DecisionFilters): Prisma.DecisionWhereInput {
  const decidedAt: Prisma.DateTimeFilter = { ...(filters.from && { gte: filters.from }), ...(filters.to && { lte: filters.to }) };
  const threadTag: Prisma.ThreadWhereInput = { tags: { some: { tag: filters.tag } } };
  return {
    groupId: filters.groupId,
    ...(filters.status && { status: filters.status }),
    ...(filters.ownerId && { ownerId: filters.ownerId }),
    ...((filters.from || filters.to) && { decidedAt }),
    ...(filters.tag && {
      OR: [{ poll: { thread: threadTag } }, { documentVersion: { poll: { thread: threadTag } } }],
    }),
  };
}

function decodeCursor(cursor: string): { at: Date; id: string } {
  const match = /^(\d+)_(.+)$/.exec(cursor);
  if (!match) throw new AppError("BAD_REQUEST", "That page position is not valid; reload the register.");
  return { at: new Date(Number(match[1])), id: match[2]! };
}

/** One page of decisions, newest decidedAt first (then by id), after `cursor`. No access check: callers make it. */
export async function decisionPage(db: Db, filters: DecisionFilters, cursor: string | null | undefined, take = DECISION_PAGE_SIZE) {
  const after = cursor ? decodeCursor(cursor) : null;
  const rows = await db.decision.findMany({
    where: {
      AND: [
        decisionFiltersWhere(filters),
        after ? { OR: [{ decidedAt: { lt: after.at } }, { decidedAt: after.at, id: { lt: after.id } }] } : {},
      ],
    },
    select: decisionSelect,
    orderBy: [{ decidedAt: "desc" }, { id: "desc" }],
    take: take + 1,
  });
  const page = rows.slice(0, take);
  const last = page.at(-1);
  const items: DecisionDto[] = await toDecisionDtos(db, page);
  return { items, nextCursor: rows.length > take && last ? `${last.decidedAt.getTime()}_${last.id}` : null };
}

/**
 * The group's decision register for its members and admins, filtered, 25 a page. Outcomes and
 * adoptions that have no decision yet are filled in first, so older polls and imports appear.
 */
export async function listDecisions(db: Db, userId: string, input: ListDecisionsInput) {
  await requireInGroup(db, userId, input.groupId, "decision.view");
  await fillMissingDecisions(db, input.groupId);
  return decisionPage(db, input, input.cursor);
}
