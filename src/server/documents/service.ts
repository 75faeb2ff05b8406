import type { z } from "zod";
import type { Prisma } from "@/generated/prisma/client.ts";
import type { Db } from "@/server/db";
import { requireDocumentAccess } from "@/server/documents/access";
import type {
  DocumentDetail,
  DocumentSummary,
  zCreateDocumentInput,
  zListDocumentsInput,
  zRenameDocumentInput,
} from "@/server/documents/schemas";
import { AppError } from "@/server/errors";
import { getStanding, requireInGroup } from "@/server/groups/standing";
import { canInGroup, canInviteDocumentReaders } from "@/server/policy";
import { personSelect, toPerson } from "@/server/threads/dto";

const PAGE_SIZE = 25;

/** Titles that mark the group's vision document until a version of one is adopted. */
const VISION_PREFIX = "Vision";

const adoptedVersionSelect = { select: { id: true, name: true, adoptedAt: true, createdAt: true } } as const;

function toAdoptedVersion(version: { id: string; name: string | null; adoptedAt: Date | null; createdAt: Date } | null) {
  return version ? { id: version.id, name: version.name ?? "Adopted version", adoptedAt: version.adoptedAt ?? version.createdAt } : null;
}

const summarySelect = {
  id: true,
  groupId: true,
  title: true,
  createdAt: true,
  updatedAt: true,
  createdBy: { select: personSelect },
  adoptedVersion: adoptedVersionSelect,
} satisfies Prisma.DocumentSelect;

type SummaryRow = Prisma.DocumentGetPayload<{ select: typeof summarySelect }>;

function isLeading(row: Pick<SummaryRow, "title" | "adoptedVersion">): boolean {
  return row.adoptedVersion !== null || row.title.toLowerCase().startsWith(VISION_PREFIX.toLowerCase());
}

function toSummary(row: SummaryRow): DocumentSummary {
  return {
    id: row.id,
    groupId: row.groupId,
    title: row.title,
    leading: isLeading(row),
    adoptedVersion: toAdoptedVersion(row.adoptedVersion),
    createdBy: toPerson(row.createdBy),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export async function createDocument(db: Db, userId: string, input: z.infer<typeof zCreateDocumentInput>): Promise<{ id: string }> {
  await requireInGroup(db, userId, input.groupId, "document.create");
  return db.document.create({
    data: { groupId: input.groupId, title: input.title, createdById: userId },
    select: { id: true },
  });
}

/**
 * A group's documents. The group's vision leads the first page (documents with an adopted
 * version, then those titled "Vision…"), because writing it is what the group is for; the rest
 * follow by latest edit, paged by (updatedAt, id). Guests get only documents they were invited to.
 */
export async function listDocuments(db: Db, userId: string, input: z.infer<typeof zListDocumentsInput>) {
  const standing = await requireInGroup(db, userId, input.groupId, "group.view");
  const where: Prisma.DocumentWhereInput = {
    groupId: input.groupId,
    ...(canInGroup(standing, "document.viewAll") ? {} : { guests: { some: { userId } } }),
  };
  const leadingWhere: Prisma.DocumentWhereInput = {
    OR: [{ adoptedVersionId: { not: null } }, { title: { startsWith: VISION_PREFIX } }],
  };
  const order = [{ updatedAt: "desc" }, { id: "desc" }] satisfies Prisma.DocumentOrderByWithRelationInput[];

  const leading = input.cursor
    ? []
    : await db.document.findMany({ where: { AND: [where, leadingWhere] }, select: summarySelect, orderBy: order });
  leading.sort((a, b) => Number(b.adoptedVersion !== null) - Number(a.adoptedVersion !== null));
  const after = input.cursor ? decodeCursor(input.cursor) : null;
  const rest = await db.document.findMany({
    where: {
      AND: [
        where,
        { NOT: leadingWhere },
        after ? { OR: [{ updatedAt: { lt: after.at } }, { updatedAt: after.at, id: { lt: after.id } }] } : {},
      ],
    },
    select: summarySelect,
    orderBy: order,
    take: PAGE_SIZE + 1,
  });
  const page = rest.slice(0, PAGE_SIZE);
  const last = page.at(-1);
  return {
    items: [...leading, ...page].map(toSummary),
    nextCursor: rest.length > PAGE_SIZE && last ? encodeCursor(last.updatedAt, last.id) : null,
    canCreate: canInGroup(standing, "document.create"),
  };
}

export async function getDocument(db: Db, userId: string, documentId: string): Promise<DocumentDetail> {
  const access = await requireDocumentAccess(db, userId, documentId, "view");
  const [document, standing] = await Promise.all([
    db.document.findUniqueOrThrow({
      where: { id: documentId },
      select: {
        id: true,
        title: true,
        createdAt: true,
        updatedAt: true,
        group: { select: { id: true, name: true, handle: true } },
        createdBy: { select: personSelect },
        adoptedVersion: adoptedVersionSelect,
        guestsMaySuggest: true,
      },
    }),
    getStanding(db, userId, access.groupId),
  ]);
  return {
    id: document.id,
    title: document.title,
    group: document.group,
    canEdit: access.canEdit,
    canSuggest: access.canSuggest,
    mode: access.mode,
    guestsMaySuggest: document.guestsMaySuggest,
    canInviteGuests: canInviteDocumentReaders(standing),
    adoptedVersion: toAdoptedVersion(document.adoptedVersion),
    createdBy: toPerson(document.createdBy),
    createdAt: document.createdAt,
    updatedAt: document.updatedAt,
  };
}

export async function renameDocument(db: Db, userId: string, input: z.infer<typeof zRenameDocumentInput>): Promise<{ id: string }> {
  await requireDocumentAccess(db, userId, input.id, "edit");
  return db.document.update({ where: { id: input.id }, data: { title: input.title }, select: { id: true } });
}

function encodeCursor(at: Date, id: string): string {
  return `${at.getTime()}_${id}`;
}

function decodeCursor(cursor: string): { at: Date; id: string } {
  const match = /^(\d+)_(.+)$/.exec(cursor);
  if (!match) throw new AppError("BAD_REQUEST", "That page position is not valid; reload the list.");
  return { at: new Date(Number(match[1])), id: match[2]! };
}
