import { MAX_LISTED_AMENDMENTS, type AmendmentDto } from "@/server/amendments/schemas";
import type { Db } from "@/server/db";
import { requireDocumentAccess } from "@/server/documents/access";
import { historyPath } from "@/server/documents/versions/adoption";
import { getStanding } from "@/server/groups/standing";
import { pollUrl } from "@/server/notifications/triggers";
import { isClosed } from "@/server/polls/access";
import { canInGroup } from "@/server/policy";
import { personSelect, toPerson } from "@/server/threads/dto";

/**
 * A document's amendments, newest first, for everyone who may read it (guests too, read-only):
 * what each changes, the poll deciding it and how it ended. Two queries and the caller's standing.
 */
export async function listAmendments(db: Db, userId: string, documentId: string) {
  const access = await requireDocumentAccess(db, userId, documentId, "view");
  const [standing, rows] = await Promise.all([
    getStanding(db, userId, access.groupId),
    db.amendment.findMany({
      where: { documentId: access.documentId },
      orderBy: { number: "desc" },
      take: MAX_LISTED_AMENDMENTS,
      select: {
        id: true,
        number: true,
        status: true,
        createdAt: true,
        passage: true,
        replacement: true,
        result: true,
        decidedAt: true,
        versionId: true,
        proposedBy: { select: personSelect },
        poll: { select: { id: true, title: true, threadId: true, closingAt: true, closedAt: true, kind: true } },
        suggestions: { where: { status: "open" }, select: { id: true } },
        competesWith: { select: { id: true, number: true } },
        alternatives: { where: { status: "open" }, select: { id: true } },
      },
    }),
  ]);
  const canPropose = access.canSuggest && canInGroup(standing, "poll.create");
  const canDecide = access.canEdit && canInGroup(standing, "poll.create");
  const items: AmendmentDto[] = rows.map((row) => {
    const decidedTogether = row.poll?.kind === "ranked_choice";
    const openOriginal = row.status === "open" && !row.competesWith && !decidedTogether;
    return {
      id: row.id,
      number: row.number,
      status: row.status,
      proposedBy: toPerson(row.proposedBy),
      createdAt: row.createdAt,
      passage: row.passage,
      replacement: row.replacement,
      poll: row.poll && { id: row.poll.id, href: pollUrl(row.poll), title: row.poll.title, closingAt: row.poll.closingAt, closed: isClosed(row.poll) },
      result: row.result,
      decidedAt: row.decidedAt,
      versionHref: row.versionId ? historyPath(access.documentId, row.versionId) : null,
      suggestionIds: row.suggestions.map(({ id }) => id),
      competesWith: row.competesWith,
      decidedTogether,
      canProposeAlternative: canPropose && openOriginal && row.suggestions.length === 1,
      canDecideTogether: canDecide && openOriginal && row.alternatives.length > 0,
    };
  });
  return { items, canPropose };
}
