import { Readable } from "node:stream";
import type { Db } from "@/server/db";
import { decisionPage } from "@/server/decisions/list";
import { zDecisionFilters, type DecisionDto, type DecisionFilters } from "@/server/decisions/schemas";
import { fillMissingDecisions } from "@/server/decisions/sync";
import { AppError } from "@/server/errors";
import type { Download } from "@/server/exports/downloads";
import { csvHeader, csvRecord, type CsvColumns } from "@/server/exports/zip/csv";
import { requireInGroup } from "@/server/groups/standing";

export const STATUS_LABELS: Record<DecisionDto["status"], string> = {
  agreed: "agreed",
  in_progress: "in progress",
  done: "done",
  dropped: "dropped",
  superseded: "superseded",
};

const day = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : "");

/** One line per decision; cells go through the exports' escaping, which also defuses spreadsheet formulas. */
const COLUMNS: CsvColumns<DecisionDto> = [
  ["decided (UTC)", (decision) => decision.decidedAt],
  ["question", (decision) => decision.title],
  ["result", (decision) => decision.result],
  ["verdict", (decision) => decision.verdict],
  ["status", (decision) => (decision.withdrawn ? `${STATUS_LABELS[decision.status]} (withdrawn)` : STATUS_LABELS[decision.status])],
  ["owner", (decision) => decision.owner?.name],
  ["review on", (decision) => day(decision.reviewOn)],
  ["thread", (decision) => decision.links.thread?.title],
  ["poll", (decision) => decision.links.poll?.title],
  ["meeting", (decision) => decision.links.meeting?.title],
  ["document", (decision) => (decision.links.document ? `${decision.links.document.title} — ${decision.links.document.versionName}` : "")],
  ["superseded by", (decision) => decision.supersededBy?.title],
  ["open tasks", (decision) => decision.taskCount.open],
  ["done tasks", (decision) => decision.taskCount.done],
  ["id", (decision) => decision.id],
];

/** The filtered register, newest first, as RFC 4180 lines, read 200 decisions at a time. */
export async function* decisionCsvLines(db: Db, filters: DecisionFilters): AsyncGenerator<string> {
  yield csvHeader(COLUMNS);
  let cursor: string | null = null;
  do {
    const page: Awaited<ReturnType<typeof decisionPage>> = await decisionPage(db, filters, cursor, 200);
    for (const decision of page.items) yield csvRecord(COLUMNS, decision);
    cursor = page.nextCursor;
  } while (cursor);
}

/** The register's filters from a download link's query string, e.g. ?status=done&from=2026-01-01. */
export function filtersFromSearch(groupId: string, search: URLSearchParams): DecisionFilters {
  const given = Object.fromEntries(["status", "ownerId", "tag", "from", "to"].flatMap((key) => (search.get(key) ? [[key, search.get(key)]] : [])));
  const parsed = zDecisionFilters.safeParse({ ...given, groupId });
  if (!parsed.success) throw new AppError("BAD_REQUEST", parsed.error.issues[0]?.message ?? "Those filters are not valid.");
  return parsed.data;
}

/** The group's register, filtered as on the page, as a CSV download for its members and admins; checked on every request. */
export async function startDecisionCsv(db: Db, userId: string, handle: string, search: URLSearchParams, now = new Date()): Promise<Download> {
  const group = await db.group.findUnique({ where: { handle: handle.toLowerCase() }, select: { id: true, handle: true } });
  if (!group) throw new AppError("NOT_FOUND", "That group does not exist, or you are not a member of it.");
  await requireInGroup(db, userId, group.id, "decision.view");
  const filters = filtersFromSearch(group.id, search);
  await fillMissingDecisions(db, group.id);
  return {
    filename: `hearth-${group.handle}-decisions-${now.toISOString().slice(0, 10)}.csv`,
    contentType: "text/csv; charset=utf-8",
    body: Readable.from(decisionCsvLines(db, filters), { objectMode: false }),
  };
}
