import type { Prisma } from "@/generated/prisma/client.ts";
import { requireAuditAccess } from "@/server/audit/access";
import { auditRowSelect, toAuditDto, type AuditRow } from "@/server/audit/dto";
import type { AuditListInput, AuditPage } from "@/server/audit/schemas";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";

export const AUDIT_PAGE_SIZE = 30;

type Position = { createdAt: Date; id: string };

/** A page ends at an entry; the next starts after it, by (createdAt, id), so entries written meanwhile never shift it. */
export function encodeAuditCursor({ createdAt, id }: Position): string {
  return `${createdAt.getTime()}.${id}`;
}

function decodeAuditCursor(cursor: string): Position {
  const match = /^(\d{1,15})\.(.+)$/.exec(cursor);
  if (!match) throw new AppError("BAD_REQUEST", "That page of the audit log does not exist. Reload the page to start again.");
  return { createdAt: new Date(Number(match[1])), id: match[2]! };
}

/** The entries after `position`, newest first (as the log is read). */
export function olderThan(position: Position | undefined): Prisma.AuditEntryWhereInput {
  if (!position) return {};
  return { OR: [{ createdAt: { lt: position.createdAt } }, { createdAt: position.createdAt, id: { lt: position.id } }] };
}

export const newestFirst = [{ createdAt: "desc" }, { id: "desc" }] as const satisfies Prisma.AuditEntryOrderByWithRelationInput[];

/** The group's audit log, newest first, 30 a page; for its admins only. */
export async function listAudit(db: Db, userId: string, input: AuditListInput): Promise<AuditPage> {
  await requireAuditAccess(db, userId, input.groupId);
  const rows = await db.auditEntry.findMany({
    where: { groupId: input.groupId, ...olderThan(input.cursor ? decodeAuditCursor(input.cursor) : undefined) },
    orderBy: [...newestFirst],
    take: AUDIT_PAGE_SIZE + 1,
    select: auditRowSelect,
  });
  const page = rows.slice(0, AUDIT_PAGE_SIZE);
  const urls = await subjectUrls(db, input.groupId, page);
  return {
    items: page.map((row) => toAuditDto(row, urls.get(`${row.subjectType}:${row.subjectId}`) ?? null)),
    nextCursor: rows.length > AUDIT_PAGE_SIZE ? encodeAuditCursor(page.at(-1)!) : null,
  };
}

/**
 * Where each subject can be opened, for those that still exist in this group: one query per kind
 * on the page (never one per entry). People, invitations and folders have no page of their own.
 */
async function subjectUrls(db: Db, groupId: string, rows: readonly AuditRow[]): Promise<Map<string, string>> {
  const idsOf = (type: string) => [...new Set(rows.flatMap((row) => (row.subjectType === type && row.subjectId ? [row.subjectId] : [])))];
  const lookups: Record<string, (ids: string[]) => Promise<[string, string][]>> = {
    group: async (ids) =>
      (await db.group.findMany({ where: { id: { in: ids.filter((id) => id === groupId) } }, select: { id: true, handle: true } })).map(
        ({ id, handle }) => [id, `/groups/${handle}`],
      ),
    thread: async (ids) =>
      (await db.thread.findMany({ where: { id: { in: ids }, groupId }, select: { id: true } })).map(({ id }) => [id, `/threads/${id}`]),
    comment: async (ids) =>
      (await db.comment.findMany({ where: { id: { in: ids }, thread: { groupId } }, select: { id: true, threadId: true } })).map(
        ({ id, threadId }) => [id, `/threads/${threadId}#comment-${id}`],
      ),
    poll: async (ids) => (await db.poll.findMany({ where: { id: { in: ids }, groupId }, select: { id: true } })).map(({ id }) => [id, `/polls/${id}`]),
    resource: async (ids) =>
      (await db.resource.findMany({ where: { id: { in: ids }, groupId }, select: { id: true } })).map(({ id }) => [id, `/resources/${id}`]),
    meeting: async (ids) =>
      (await db.meeting.findMany({ where: { id: { in: ids }, groupId }, select: { id: true } })).map(({ id }) => [id, `/meetings/${id}`]),
    document: async (ids) =>
      (await db.document.findMany({ where: { id: { in: ids }, groupId }, select: { id: true } })).map(({ id }) => [id, `/documents/${id}`]),
    decision: async (ids) =>
      (await db.decision.findMany({ where: { id: { in: ids }, groupId }, select: { id: true, group: { select: { handle: true } } } })).map(
        ({ id, group }) => [id, `/groups/${group.handle}/decisions/${id}`],
      ),
    charter: async (ids) =>
      (await db.charter.findMany({ where: { id: { in: ids }, groupId }, select: { id: true, group: { select: { handle: true } } } })).map(
        ({ id, group }) => [id, `/groups/${group.handle}/charter`],
      ),
  };
  const found = await Promise.all(
    Object.entries(lookups).map(async ([type, lookup]) => {
      const ids = idsOf(type);
      return ids.length ? (await lookup(ids)).map(([id, url]): [string, string] => [`${type}:${id}`, url]) : [];
    }),
  );
  return new Map(found.flat());
}
