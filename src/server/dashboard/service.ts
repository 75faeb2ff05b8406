import type { Prisma } from "@/generated/prisma/client.ts";
import {
  DASHBOARD_SECTION_SIZE,
  DASHBOARD_THREAD_SCAN,
  DASHBOARD_WINDOW_DAYS,
  type Dashboard,
} from "@/server/dashboard/schemas";
import type { Db } from "@/server/db";
import { listMyGroups } from "@/server/groups/service";
import { meetingSummarySelect, toMeetingSummary, whenWhere } from "@/server/meetings/list";
import { notificationSelect, toNotificationDto } from "@/server/notifications/dto";
import {
  membershipsAllowedWhere,
  pollsVisibleToWhere,
  pollsVotableByWhere,
  threadsVisibleToWhere,
  type GroupAction,
} from "@/server/policy";
import { readStateOf } from "@/server/threads/dto";

const DAY = 24 * 60 * 60 * 1000;
const take = DASHBOARD_SECTION_SIZE;

type GroupRef = { id: string; name: string; handle: string };

/** Groups in which the caller may take `action`: every per-group section is scoped this way, never by ids from input. */
function groupsWhere(userId: string, action: GroupAction): Prisma.GroupWhereInput {
  return { memberships: { some: { userId, ...membershipsAllowedWhere(action) } } };
}

/**
 * "What needs me?": everything waiting for the caller across their groups, each section short
 * with its total. Every query is scoped by the caller's memberships as they are now (so nothing
 * of a group they left, and for guests only what they were invited to) and bounded; the number
 * of queries does not grow with the number of groups.
 */
export async function getDashboard(db: Db, userId: string, now = new Date()): Promise<Dashboard> {
  const groups = await listMyGroups(db, userId);
  const byId = new Map<string, GroupRef>(groups.map(({ id, name, handle }) => [id, { id, name, handle }]));
  const groupIds = [...byId.keys()];
  const withGroup = <T extends { groupId: string | null }>(rows: T[]) =>
    rows.flatMap((row) => {
      const group = row.groupId ? byId.get(row.groupId) : undefined;
      return group ? [{ row, group }] : [];
    });

  const openPoll: Prisma.PollWhereInput = { closedAt: null, closingAt: { gt: now } };
  const awaitingWhere: Prisma.PollWhereInput = {
    groupId: { in: groupIds },
    AND: [pollsVisibleToWhere(userId), pollsVotableByWhere(userId), openPoll, { participations: { none: { userId } } }],
  };
  const mentionsWhere: Prisma.NotificationWhereInput = {
    userId,
    readAt: null,
    kind: { in: ["mention", "reply"] },
    groupId: { in: groupIds },
  };
  const meetingsWhere: Prisma.MeetingWhereInput = {
    group: groupsWhere(userId, "meeting.view"),
    startsAt: { lte: new Date(now.getTime() + DASHBOARD_WINDOW_DAYS * DAY) },
    AND: [whenWhere(true, now)],
  };
  const resourcesWhere: Prisma.ResourceWhereInput = {
    group: groupsWhere(userId, "resource.view"),
    publishedAt: { gte: new Date(now.getTime() - DASHBOARD_WINDOW_DAYS * DAY) },
  };

  const [
    threads,
    awaitingTotal,
    awaiting,
    openPolls,
    mentionsTotal,
    mentions,
    meetingsTotal,
    meetings,
    resourcesTotal,
    resources,
    requests,
  ] = await Promise.all([
    db.thread.findMany({
      where: threadsVisibleToWhere(userId),
      select: {
        id: true,
        groupId: true,
        title: true,
        lastCommentSeq: true,
        lastActivityAt: true,
        reads: { where: { userId }, select: { lastReadSeq: true } },
      },
      orderBy: [{ lastActivityAt: "desc" }, { id: "desc" }],
      take: DASHBOARD_THREAD_SCAN,
    }),
    db.poll.count({ where: awaitingWhere }),
    db.poll.findMany({
      where: awaitingWhere,
      select: { id: true, title: true, kind: true, closingAt: true, groupId: true },
      orderBy: [{ closingAt: "asc" }, { id: "asc" }],
      take,
    }),
    db.poll.groupBy({ by: ["groupId"], where: { AND: [pollsVisibleToWhere(userId), openPoll] }, _count: { _all: true } }),
    db.notification.count({ where: mentionsWhere }),
    db.notification.findMany({ where: mentionsWhere, select: notificationSelect, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take }),
    db.meeting.count({ where: meetingsWhere }),
    db.meeting.findMany({ where: meetingsWhere, select: meetingSummarySelect(userId), orderBy: [{ startsAt: "asc" }, { id: "asc" }], take }),
    db.resource.count({ where: resourcesWhere }),
    db.resource.findMany({
      where: resourcesWhere,
      select: { id: true, title: true, kind: true, publishedAt: true, groupId: true },
      orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
      take,
    }),
    db.membershipRequest.groupBy({
      by: ["groupId"],
      where: { status: "pending", group: groupsWhere(userId, "membershipRequest.decide") },
      _count: { _all: true },
    }),
  ]);

  const unread = withGroup(threads)
    .map(({ row, group }) => ({ ...readStateOf(row.lastCommentSeq, row.reads[0]), row, group }))
    .filter(({ unreadCount, unseen }) => unseen || unreadCount > 0);
  const unreadByGroup = countBy(unread.map(({ group }) => group.id));
  const openByGroup = new Map(openPolls.map(({ groupId, _count }) => [groupId, _count._all]));
  const pending = withGroup(requests)
    .map(({ row, group }) => ({ group, count: row._count._all }))
    .sort((a, b) => b.count - a.count || a.group.name.localeCompare(b.group.name));

  return {
    awaitingVote: {
      total: awaitingTotal,
      items: withGroup(awaiting).map(({ row: { groupId: _groupId, ...poll }, group }) => ({ ...poll, group })),
    },
    unreadThreads: {
      total: unread.length,
      items: unread.slice(0, take).map(({ row, group, unreadCount, unseen }) => ({
        id: row.id,
        title: row.title,
        unreadCount,
        unseen,
        lastActivityAt: row.lastActivityAt,
        group,
      })),
    },
    mentions: { total: mentionsTotal, items: mentions.map((row) => toNotificationDto(row, byId)) },
    meetings: {
      total: meetingsTotal,
      items: withGroup(meetings).map(({ row, group }) => ({ ...toMeetingSummary(row), group })),
    },
    resources: {
      total: resourcesTotal,
      items: withGroup(resources).flatMap(({ row: { groupId: _groupId, publishedAt, ...resource }, group }) =>
        publishedAt ? [{ ...resource, publishedAt, group }] : [],
      ),
    },
    pendingRequests: {
      total: pending.reduce((sum, { count }) => sum + count, 0),
      items: pending.slice(0, take),
    },
    groups: groups.map((group) => ({
      ...group,
      unreadThreadCount: unreadByGroup.get(group.id) ?? 0,
      openPollCount: openByGroup.get(group.id) ?? 0,
    })),
  };
}

function countBy(keys: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}
