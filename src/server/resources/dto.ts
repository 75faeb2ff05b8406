import type { Prisma } from "@/generated/prisma/client.ts";
import { fileSummarySelect, toFileSummary } from "@/server/files/service";
import type { ResourceSummary, ResourceVersionDto } from "@/server/resources/schemas";
import { personSelect, toPerson } from "@/server/threads/dto";

export const versionSelect = {
  number: true,
  note: true,
  createdAt: true,
  file: { select: fileSummarySelect },
  uploadedBy: { select: { id: true, name: true } },
} satisfies Prisma.ResourceVersionSelect;

/** A resource as its author describes it: kind, title, description and link. */
export const resourceTextSelect = { kind: true, title: true, description: true, url: true } satisfies Prisma.ResourceSelect;

export const summarySelect = {
  id: true,
  groupId: true,
  ...resourceTextSelect,
  authorId: true,
  publishedAt: true,
  createdAt: true,
  updatedAt: true,
  folder: { select: { id: true, name: true } },
  meeting: { select: { id: true, title: true } },
  author: { select: personSelect },
  publishedBy: { select: { id: true, name: true } },
  tags: { select: { name: true }, orderBy: { name: "asc" } },
  versions: { select: versionSelect, orderBy: { number: "desc" }, take: 1 },
  _count: { select: { versions: true } },
} satisfies Prisma.ResourceSelect;

type SummaryRow = Prisma.ResourceGetPayload<{ select: typeof summarySelect }>;
type VersionRow = Prisma.ResourceVersionGetPayload<{ select: typeof versionSelect }>;

export function toVersion(row: VersionRow): ResourceVersionDto {
  return { number: row.number, note: row.note, createdAt: row.createdAt, file: toFileSummary(row.file), uploadedBy: row.uploadedBy };
}

export function toSummary(row: SummaryRow): ResourceSummary {
  const latest = row.versions[0];
  return {
    id: row.id,
    groupId: row.groupId,
    kind: row.kind,
    title: row.title,
    description: row.description,
    url: row.url,
    tags: row.tags.map(({ name }) => name),
    folder: row.folder,
    meeting: row.meeting,
    author: toPerson(row.author),
    draft: row.publishedAt === null,
    publishedAt: row.publishedAt,
    publishedBy: row.publishedBy,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    latestVersion: latest ? toVersion(latest) : null,
    versionCount: row._count.versions,
  };
}
