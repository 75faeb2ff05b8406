import type { NotificationDto } from "@/server/notifications/schemas";
import { summarize } from "@/server/notifications/summary";

/** What a notification row needs to become its DTO; the group comes from a separate lookup (it has no relation). */
export const notificationSelect = {
  id: true,
  kind: true,
  title: true,
  url: true,
  excerpt: true,
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
  excerpt: string;
  groupId: string | null;
  readAt: Date | null;
  createdAt: Date;
  actor: { id: string; name: string } | null;
};

/** `voted` holds the ids of vote requests the person has answered since (see votedRequestIds). */
export function toNotificationDto(
  row: Row,
  groups: ReadonlyMap<string, { id: string; name: string }>,
  voted: ReadonlySet<string> = new Set(),
): NotificationDto {
  const group = row.groupId ? (groups.get(row.groupId) ?? null) : null;
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    url: row.url,
    // A reminder must not go on saying "you have not voted yet" beside "You voted".
    summary:
      voted.has(row.id) && row.kind === "poll_closing"
        ? `“${row.title}” closes within a day`
        : summarize({ kind: row.kind, title: row.title, actorName: row.actor?.name ?? null, groupName: group?.name ?? null }),
    excerpt: row.excerpt,
    voted: voted.has(row.id),
    actor: row.actor,
    group,
    createdAt: row.createdAt,
    read: row.readAt !== null,
  };
}
