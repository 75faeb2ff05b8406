import type { Prisma } from "@/generated/prisma/client.ts";
import type { Db } from "@/server/db";
import { pagesById } from "@/server/exports/streams";

const named = { select: { id: true, name: true } } as const;

/**
 * An initiative as every export reads it: the group's Hearth file, the group ZIP's
 * initiatives.csv and a person's own data each take what they write from this one select.
 * `threadGroupIds` keeps to the threads of the groups in a download; without it, every thread
 * about the initiative comes (a person's export then titles only those they may see).
 */
function initiativeSelect(threadGroupIds: readonly string[] | undefined) {
  return {
    id: true,
    groupId: true,
    group: { select: { handle: true, name: true } },
    name: true,
    description: true,
    organisation: named,
    contact: true,
    area: true,
    website: true,
    createdBy: named,
    createdAt: true,
    updatedAt: true,
    tags: { select: { tag: true }, orderBy: { tag: "asc" } },
    threads: {
      ...(threadGroupIds && { where: { thread: { groupId: { in: [...threadGroupIds] } } } }),
      select: { thread: { select: { id: true, title: true } } },
      orderBy: { threadId: "asc" },
    },
  } as const satisfies Prisma.InitiativeSelect;
}

/** A stakeholder as the group's Hearth file and the group ZIP's stakeholders.csv read it. */
const stakeholderSelect = {
  id: true,
  groupId: true,
  group: { select: { handle: true } },
  name: true,
  kind: true,
  organisation: named,
  initiative: { select: { id: true, name: true, groupId: true } },
  sector: true,
  relationship: true,
  notes: true,
  x: true,
  y: true,
  createdAt: true,
  updatedAt: true,
} as const satisfies Prisma.StakeholderSelect;

/** The initiatives matching `where`, page by page in id order (see pagesById). */
export function initiativePages(db: Db, where: Prisma.InitiativeWhereInput, options: { threadGroupIds?: readonly string[]; take?: number } = {}) {
  const select = initiativeSelect(options.threadGroupIds);
  return pagesById(where, (page) => db.initiative.findMany({ ...page, select }), options.take);
}

/** The stakeholders of the groups `groupIds`, page by page in id order. */
export function stakeholderPages(db: Db, groupIds: readonly string[], take?: number) {
  return pagesById({ groupId: { in: [...groupIds] } }, (page) => db.stakeholder.findMany({ ...page, select: stakeholderSelect }), take);
}

