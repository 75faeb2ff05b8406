import type { Prisma } from "@/generated/prisma/client.ts";
import { afterPosition, type FeedPosition } from "@/server/activity/cursor";
import type { ActivityItem, ActivityType } from "@/server/activity/schemas";
import type { Db } from "@/server/db";
import { historyPath } from "@/server/documents/versions/adoption";
import { voteRequestUrl } from "@/server/notifications/vote-requests";
import { canInGroup, documentsVisibleToWhere, type GroupStanding } from "@/server/policy";
import { visibleThreadsWhere } from "@/server/threads/access";
import { excerptOf, personSelect, toPerson } from "@/server/threads/dto";

/** One item, and for outcomes and adoptions the author to look up once the page is cut (no relation holds them). */
export type Entry = { item: ActivityItem; actorId?: string | null };

/** One kind of row the feed is derived from: at most `take` rows after `after`, in feed order. */
export type Source = { type: ActivityType; load: (after: FeedPosition | null, take: number) => Promise<Entry[]> };

const newestFirst = <F extends string>(field: F) => [{ [field]: "desc" } as Record<F, "desc">, { id: "desc" as const }];

/**
 * The sources this person may see in the group, each scoped as the rest of Hearth scopes it:
 * guests see only what happens in the threads and documents they were invited to; the library
 * and meetings only those who may open them; drafts only those who manage the library.
 */
export function visibleSources(db: Db, userId: string, groupId: string, standing: GroupStanding): Source[] {
  const threads = visibleThreadsWhere(standing, userId);
  const polls: Prisma.PollWhereInput = { groupId, ...(canInGroup(standing, "thread.viewAll") ? {} : { thread: threads }) };
  const pollSelect = { id: true, title: true, kind: true, threadId: true } as const;
  const sources: Source[] = [
    {
      type: "thread",
      load: async (after, take) => {
        const rows = await db.thread.findMany({
          where: { groupId, AND: [threads, afterPosition("createdAt", "thread", after)] },
          select: { id: true, title: true, createdAt: true, author: { select: personSelect } },
          orderBy: newestFirst("createdAt"),
          take,
        });
        return rows.map((row) => ({
          item: { type: "thread", id: row.id, groupId, createdAt: row.createdAt, actor: toPerson(row.author), title: row.title, url: `/threads/${row.id}`, details: {} },
        }));
      },
    },
    {
      type: "decision_opened",
      load: async (after, take) => {
        const rows = await db.poll.findMany({
          where: { AND: [polls, afterPosition("createdAt", "decision_opened", after)] },
          select: { ...pollSelect, closingAt: true, createdAt: true, author: { select: personSelect } },
          orderBy: newestFirst("createdAt"),
          take,
        });
        return rows.map((row) => ({
          item: {
            type: "decision_opened",
            id: row.id,
            groupId,
            createdAt: row.createdAt,
            actor: toPerson(row.author),
            title: row.title,
            url: voteRequestUrl(row),
            details: { pollKind: row.kind, closingAt: row.closingAt },
          },
        }));
      },
    },
    {
      type: "decision_closed",
      load: async (after, take) => {
        const rows = await db.poll.findMany({
          where: { closedAt: { not: null }, AND: [polls, afterPosition("closedAt", "decision_closed", after)] },
          select: { ...pollSelect, closedAt: true },
          orderBy: newestFirst("closedAt"),
          take,
        });
        // Hearth does not record who closed a poll (it may have closed on time), so nobody is named.
        return rows.map((row) => ({
          item: { type: "decision_closed", id: row.id, groupId, createdAt: row.closedAt!, actor: null, title: row.title, url: voteRequestUrl(row), details: { pollKind: row.kind } },
        }));
      },
    },
    {
      type: "outcome",
      load: async (after, take) => {
        const rows = await db.poll.findMany({
          where: { outcomeAt: { not: null }, AND: [polls, afterPosition("outcomeAt", "outcome", after)] },
          select: { ...pollSelect, outcomeAt: true, outcomeStatement: true, outcomeAuthorId: true },
          orderBy: newestFirst("outcomeAt"),
          take,
        });
        return rows.map((row) => ({
          item: {
            type: "outcome",
            id: row.id,
            groupId,
            createdAt: row.outcomeAt!,
            actor: null,
            title: row.title,
            url: voteRequestUrl(row),
            details: { pollKind: row.kind, summary: excerptOf(row.outcomeStatement ?? "") },
          },
          actorId: row.outcomeAuthorId,
        }));
      },
    },
    {
      type: "document_adopted",
      load: async (after, take) => {
        const documents: Prisma.DocumentWhereInput = { groupId, ...(canInGroup(standing, "document.viewAll") ? {} : documentsVisibleToWhere(userId)) };
        const rows = await db.documentVersion.findMany({
          where: { adoptedAt: { not: null }, document: documents, AND: [afterPosition("adoptedAt", "document_adopted", after)] },
          select: { id: true, name: true, adoptedAt: true, documentId: true, document: { select: { title: true } }, poll: { select: { outcomeAuthorId: true } } },
          orderBy: newestFirst("adoptedAt"),
          take,
        });
        // The version is adopted by the outcome of its proposal: whoever recorded that outcome.
        return rows.map((row) => ({
          item: {
            type: "document_adopted",
            id: row.id,
            groupId,
            createdAt: row.adoptedAt!,
            actor: null,
            title: row.document.title,
            url: historyPath(row.documentId, row.id),
            details: { documentId: row.documentId, versionName: row.name ?? "" },
          },
          actorId: row.poll?.outcomeAuthorId ?? null,
        }));
      },
    },
  ];
  if (canInGroup(standing, "resource.view")) {
    sources.push({
      type: "resource",
      load: async (after, take) => {
        const rows = await db.resource.findMany({
          where: { groupId, publishedAt: { not: null }, AND: [afterPosition("publishedAt", "resource", after)] },
          select: { id: true, title: true, kind: true, publishedAt: true, publishedBy: { select: personSelect }, author: { select: personSelect } },
          orderBy: newestFirst("publishedAt"),
          take,
        });
        return rows.map((row) => resourceEntry(groupId, row, row.publishedAt!, row.publishedBy ?? row.author, false));
      },
    });
  }
  if (canInGroup(standing, "resource.manage")) {
    // Drafts are dated when they were added, and move to their publication time once published.
    sources.push({
      type: "resource",
      load: async (after, take) => {
        const rows = await db.resource.findMany({
          where: { groupId, publishedAt: null, AND: [afterPosition("createdAt", "resource", after)] },
          select: { id: true, title: true, kind: true, createdAt: true, author: { select: personSelect } },
          orderBy: newestFirst("createdAt"),
          take,
        });
        return rows.map((row) => resourceEntry(groupId, row, row.createdAt, row.author, true));
      },
    });
  }
  if (canInGroup(standing, "meeting.view")) {
    sources.push({
      type: "meeting",
      load: async (after, take) => {
        const rows = await db.meeting.findMany({
          where: { groupId, AND: [afterPosition("createdAt", "meeting", after)] },
          select: { id: true, title: true, startsAt: true, createdAt: true, createdBy: { select: personSelect } },
          orderBy: newestFirst("createdAt"),
          take,
        });
        return rows.map((row) => ({
          item: {
            type: "meeting",
            id: row.id,
            groupId,
            createdAt: row.createdAt,
            actor: toPerson(row.createdBy),
            title: row.title,
            url: `/meetings/${row.id}`,
            details: { startsAt: row.startsAt },
          },
        }));
      },
    });
  }
  return sources;
}

function resourceEntry(
  groupId: string,
  row: { id: string; title: string; kind: "file" | "link" },
  at: Date,
  actor: Parameters<typeof toPerson>[0],
  draft: boolean,
): Entry {
  return {
    item: {
      type: "resource",
      id: row.id,
      groupId,
      createdAt: at,
      actor: toPerson(actor),
      title: row.title,
      url: `/resources/${row.id}`,
      details: { resourceKind: row.kind, draft },
    },
  };
}
