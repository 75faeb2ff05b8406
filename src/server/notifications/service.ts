import type { Db } from "@/server/db";
import { notificationSelect, toNotificationDto } from "@/server/notifications/dto";
import {
  NOTIFICATION_PAGE_SIZE,
  type ListNotificationsInput,
  type MarkNotificationsReadInput,
  type NotificationPage,
} from "@/server/notifications/schemas";
import { answeredVoteRequests } from "@/server/notifications/vote-requests";

/** The caller's own notifications, newest first. */
export async function listNotifications(db: Db, userId: string, input: ListNotificationsInput): Promise<NotificationPage> {
  const rows = await db.notification.findMany({
    where: { userId },
    select: notificationSelect,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: NOTIFICATION_PAGE_SIZE + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
  });
  const page = rows.slice(0, NOTIFICATION_PAGE_SIZE);
  const groupIds = [...new Set(page.flatMap(({ groupId }) => (groupId ? [groupId] : [])))];
  const groups = groupIds.length
    ? await db.group.findMany({ where: { id: { in: groupIds } }, select: { id: true, name: true } })
    : [];
  const byId = new Map(groups.map((group) => [group.id, group]));
  const voted = await answeredVoteRequests(db, userId, page);
  return {
    items: page.map((row) => toNotificationDto(row, byId, voted)),
    nextCursor: rows.length > NOTIFICATION_PAGE_SIZE ? page[page.length - 1]!.id : null,
  };
}

/** Marks the given notifications read, or all of them; ids of other people's notifications change nothing. */
export async function markNotificationsRead(db: Db, userId: string, input: MarkNotificationsReadInput): Promise<{ count: number }> {
  const { count } = await db.notification.updateMany({
    where: { userId, readAt: null, ...(input.ids ? { id: { in: input.ids } } : {}) },
    data: { readAt: new Date() },
  });
  return { count };
}

export async function countUnread(db: Db, userId: string): Promise<number> {
  return db.notification.count({ where: { userId, readAt: null } });
}
