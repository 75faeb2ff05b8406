import type { NotificationDto } from "@/server/notifications/schemas";
import { summarize } from "@/server/notifications/summary";

/** What a notification row needs to become its DTO; the group comes from a separate lookup (it has no relation). */
export const notificationSelect = {
  id: true,
  kind: true,
  title: true,
  url: true,
  groupId: true,
  readAt: true,
  createdAt: true,
  actor: { select: { id: true, name: true } },
} as const;

type Row = {
  id: string;
  kind: NotificationDto["kind"];
  title: string;
  url: string;
  groupId: string | null;
  readAt: Date | null;
  createdAt: Date;
  actor: { id: string; name: string } | null;
};

export function toNotificationDto(row: Row, groups: ReadonlyMap<string, { id: string; name: string }>): NotificationDto {
  const group = row.groupId ? (groups.get(row.groupId) ?? null) : null;
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    url: row.url,
    summary: summarize({ kind: row.kind, title: row.title, actorName: row.actor?.name ?? null, groupName: group?.name ?? null }),
    actor: row.actor,
    group,
    createdAt: row.createdAt,
    read: row.readAt !== null,
  };
}
