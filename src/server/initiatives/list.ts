import type { Prisma } from "@/generated/prisma/client.ts";
import type { Db } from "@/server/db";
import { containsIgnoringCase } from "@/server/db/text-match";
import { requireInGroup } from "@/server/groups/standing";
import { viewerOf } from "@/server/initiatives/access";
import type { ListInitiativesInput } from "@/server/initiatives/schemas";
import { cookMarkdown } from "@/server/markdown/cook";
import { canInGroup, threadsVisibleToWhere } from "@/server/policy";
import { requireThreadAccess } from "@/server/threads/access";
import { AppError } from "@/server/errors";

/** A group's directory holds a few dozen initiatives; this bounds a runaway one without paging. */
export const MAX_INITIATIVES_LISTED = 500;

function rowSelect(userId: string) {
  return {
    id: true,
    groupId: true,
    name: true,
    description: true,
    contact: true,
    area: true,
    website: true,
    createdAt: true,
    updatedAt: true,
    createdById: true,
    organisation: { select: { id: true, name: true } },
    createdBy: { select: { id: true, name: true } },
    tags: { select: { tag: true }, orderBy: { tag: "asc" } },
    // A linked thread may since have moved to a group the caller is not in.
    threads: {
      where: { thread: threadsVisibleToWhere(userId) },
      select: { thread: { select: { id: true, title: true } } },
      orderBy: { thread: { title: "asc" } },
    },
  } as const satisfies Prisma.InitiativeSelect;
}

/**
 * The group's initiatives A–Z, for its members and admins (guests: FORBIDDEN, outsiders:
 * NOT_FOUND), narrowed by tag, organisation and words in the name, description, area or
 * organisation. A fixed number of queries however many initiatives, tags and threads there are.
 */
export async function listInitiatives(db: Db, userId: string, input: ListInitiativesInput) {
  const standing = await requireInGroup(db, userId, input.groupId, "initiative.view");
  const filters: Prisma.InitiativeWhereInput[] = [];
  const tag = input.tag?.replace(/^#/, "");
  if (tag) filters.push({ tags: { some: { tag } } });
  if (input.organisationId) filters.push({ organisationId: input.organisationId });
  const q = input.q?.trim();
  if (q) {
    filters.push({
      OR: [
        { name: containsIgnoringCase(q) },
        { description: containsIgnoringCase(q) },
        { area: containsIgnoringCase(q) },
        { organisation: { name: containsIgnoringCase(q) } },
      ],
    });
  }
  const [rows, tags] = await Promise.all([
    db.initiative.findMany({
      where: { groupId: input.groupId, AND: filters },
      select: rowSelect(userId),
      orderBy: [{ name: "asc" }, { id: "asc" }],
      take: MAX_INITIATIVES_LISTED,
    }),
    db.initiativeTag.findMany({
      where: { initiative: { groupId: input.groupId } },
      select: { tag: true },
      distinct: ["tag"],
      orderBy: { tag: "asc" },
    }),
  ]);
  return {
    items: rows.map((row) => ({
      id: row.id,
      groupId: row.groupId,
      name: row.name,
      description: row.description,
      descriptionHtml: cookMarkdown(row.description),
      organisation: row.organisation,
      contact: row.contact,
      area: row.area,
      website: row.website,
      tags: row.tags.map(({ tag: name }) => name),
      threads: row.threads.map(({ thread }) => thread),
      createdBy: row.createdBy,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      viewer: viewerOf(standing, userId, row.createdById),
    })),
    tags: tags.map(({ tag: name }) => name),
    canAdd: canInGroup(standing, "initiative.create"),
  };
}

/**
 * The initiatives a thread is about, for its page. Whoever may not see the thread gets NOT_FOUND
 * (as thread.byId); a guest invited to it sees the thread but never the directory (FORBIDDEN).
 */
export async function threadInitiatives(db: Db, userId: string, threadId: string) {
  const { thread, standing } = await requireThreadAccess(db, userId, threadId);
  if (!canInGroup(standing, "initiative.view")) throw new AppError("FORBIDDEN", "Only the group's members see its initiatives.");
  const rows = await db.initiative.findMany({
    where: { groupId: thread.groupId, threads: { some: { threadId } } },
    select: { id: true, name: true, area: true, organisation: { select: { id: true, name: true } }, group: { select: { handle: true } } },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
  return {
    items: rows.map(({ group, ...row }) => ({ ...row, url: `/groups/${group.handle}/initiatives#initiative-${row.id}` })),
  };
}
