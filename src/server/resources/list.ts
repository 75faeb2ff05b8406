import type { Prisma } from "@/generated/prisma/client.ts";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { requireInGroup } from "@/server/groups/standing";
import { canInGroup } from "@/server/policy";
import { visibleResourcesWhere } from "@/server/resources/access";
import { summarySelect, toSummary } from "@/server/resources/dto";
import type { ListResourcesInput } from "@/server/resources/schemas";
import { containsIgnoringCase } from "@/server/db/text-match";

export const RESOURCE_PAGE_SIZE = 30;

type Cursor = { value: string | number; id: string };

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString("base64url");
}

function decodeCursor(cursor: string, sort: ListResourcesInput["sort"]): Cursor {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as Partial<Cursor>;
    const valueOk = sort === "date" ? typeof parsed.value === "number" : typeof parsed.value === "string";
    if (valueOk && typeof parsed.id === "string") return { value: parsed.value!, id: parsed.id };
  } catch {
    // falls through to the message below
  }
  throw new AppError("BAD_REQUEST", "That page position is not valid; reload the list.");
}

/**
 * A page of a group's library: newest first, or by title A–Z, paged by (key, id) so that
 * additions never make a page repeat or skip a resource. Search matches title and description
 * (ignoring case for ASCII letters on SQLite); tag and folder narrow it. Members see published
 * resources and their own drafts; admins see every draft too.
 */
export async function listResources(db: Db, userId: string, input: ListResourcesInput) {
  const standing = await requireInGroup(db, userId, input.groupId, "resource.view");
  const search = input.search?.trim();
  const tag = input.tag?.replace(/^#/, "");
  const filters: Prisma.ResourceWhereInput[] = [visibleResourcesWhere(standing, userId)];
  if (input.folderId !== undefined) filters.push({ folderId: input.folderId });
  if (tag) filters.push({ tags: { some: { name: tag } } });
  if (search) filters.push({ OR: [{ title: containsIgnoringCase(search) }, { description: containsIgnoringCase(search) }] });
  if (input.cursor) {
    const after = decodeCursor(input.cursor, input.sort);
    filters.push(
      input.sort === "date"
        ? { OR: [{ createdAt: { lt: new Date(after.value) } }, { createdAt: new Date(after.value), id: { lt: after.id } }] }
        : { OR: [{ title: { gt: String(after.value) } }, { title: String(after.value), id: { gt: after.id } }] },
    );
  }
  const orderBy: Prisma.ResourceOrderByWithRelationInput[] =
    input.sort === "date" ? [{ createdAt: "desc" }, { id: "desc" }] : [{ title: "asc" }, { id: "asc" }];
  const rows = await db.resource.findMany({
    where: { groupId: input.groupId, AND: filters },
    select: summarySelect,
    orderBy,
    take: RESOURCE_PAGE_SIZE + 1,
  });
  const page = rows.slice(0, RESOURCE_PAGE_SIZE);
  const last = page.at(-1);
  return {
    items: page.map(toSummary),
    nextCursor:
      rows.length > RESOURCE_PAGE_SIZE && last
        ? encodeCursor({ value: input.sort === "date" ? last.createdAt.getTime() : last.title, id: last.id })
        : null,
  };
}

/** The tags in use among what the caller sees, and what the caller may do in the library. */
export async function libraryInfo(db: Db, userId: string, groupId: string) {
  const standing = await requireInGroup(db, userId, groupId, "resource.view");
  const tags = await db.resourceTag.findMany({
    where: { resource: { groupId, ...visibleResourcesWhere(standing, userId) } },
    select: { name: true },
    distinct: ["name"],
    orderBy: { name: "asc" },
  });
  const canManage = canInGroup(standing, "resource.manage");
  return {
    tags: tags.map(({ name }) => name),
    canAdd: canInGroup(standing, "resource.create"),
    canManage,
    addsAsDraft: !canManage,
  };
}
