"use client";

import Link from "next/link";
import type { NotificationItem } from "@/components/notifications/use-notification-actions";
import { TimeAgo } from "@/components/threads/time-ago";
import { cn } from "@/components/ui/cn";

/** One notification as a link to what it is about; unread ones carry a dot, bold text and the word "Unread" for screen readers. */
export function NotificationLink({ item, onOpen }: { item: NotificationItem; onOpen: (item: NotificationItem) => void }) {
  return (
    <Link
      href={item.url}
      onClick={() => onOpen(item)}
      data-read={item.read}
      className={cn("flex min-h-11 gap-3 rounded-lg px-3 py-2 hover:bg-ember-50", !item.read && "bg-ember-50")}
    >
      <span aria-hidden="true" className={cn("mt-2 size-2.5 shrink-0 rounded-full", item.read ? "bg-line" : "bg-ember-600")} />
      <span className="min-w-0">
        <span className={cn("block break-words", !item.read && "font-semibold")}>
          {!item.read && <span className="sr-only">Unread: </span>}
          {item.summary}
        </span>
        {item.excerpt && <span className="block break-words text-sm text-ink">{item.excerpt}</span>}
        {item.voted && <span className="block text-sm font-semibold text-live">You voted</span>}
        <TimeAgo date={item.createdAt} className="text-sm text-muted" />
      </span>
    </Link>
  );
}
