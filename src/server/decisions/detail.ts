import type { Db } from "@/server/db";
import { requireDecision, DECISION_NOT_VISIBLE } from "@/server/decisions/access";
import { decisionSelect, toDecisionDtos } from "@/server/decisions/dto";
import type { DecisionDetail } from "@/server/decisions/schemas";
import { AppError } from "@/server/errors";
import { cookMarkdown } from "@/server/markdown/cook";
import { canInGroup, canUpdateDecision } from "@/server/policy";

/** One decision with its notes (oldest first) and what the caller may change on it. */
export async function getDecision(db: Db, userId: string, decisionId: string): Promise<DecisionDetail> {
  const { standing } = await requireDecision(db, userId, decisionId);
  const row = await db.decision.findUnique({
    where: { id: decisionId },
    select: {
      ...decisionSelect,
      ownerId: true,
      notes: {
        select: { id: true, body: true, status: true, createdAt: true, author: { select: { id: true, name: true } } },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      },
    },
  });
  if (!row) throw new AppError("NOT_FOUND", DECISION_NOT_VISIBLE);
  const [dto] = await toDecisionDtos(db, [row]);
  const noChanges = { owner: false, reviewOn: false, supersededBy: false };
  return {
    ...dto!,
    notes: row.notes.map((note) => ({ ...note, bodyHtml: cookMarkdown(note.body) })),
    viewer: {
      canManage: canInGroup(standing, "decision.update"),
      canReport: canUpdateDecision(standing, { actorId: userId, ownerId: row.ownerId, changes: noChanges }),
    },
  };
}
