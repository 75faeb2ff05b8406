"use client";

import { useQuery } from "@tanstack/react-query";
import { Bell } from "lucide-react";
import Link from "next/link";
import { useEffect, useId, useState } from "react";
import { NotificationLink } from "@/components/notifications/notification-link";
import { useNotificationActions } from "@/components/notifications/use-notification-actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import { useRealtime } from "@/lib/realtime/socket-provider";
import { errorMessage } from "@/lib/trpc/error-message";
import { useTRPC } from "@/lib/trpc/client";

const SHOWN = 8;

/**
 * The header's bell: the unread count (live: a `notification.created` event, or a reconnect
 * after missing some, refetches it) and the latest notifications in a popover.
 */
export function NotificationBell() {
  const trpc = useTRPC();
  const { socket } = useRealtime();
  const [open, setOpen] = useState(false);
  const headingId = useId();
  const { open: openItem, markAll, refresh } = useNotificationActions();
  const count = useQuery(trpc.notification.unreadCount.queryOptions()).data ?? 0;
  const latest = useQuery({ ...trpc.notification.list.queryOptions({}), enabled: open });

  useEffect(() => {
    if (!socket) return;
    const onChange = () => void refresh();
    socket.on("notification.created", onChange);
    socket.io.on("reconnect", onChange);
    return () => {
      socket.off("notification.created", onChange);
      socket.io.off("reconnect", onChange);
    };
  }, [socket, refresh]);

  const items = latest.data?.items.slice(0, SHOWN) ?? [];
  return (
    <Popover open={open} onOpenChange={setOpen}>
      <PopoverTrigger
        aria-label={count > 0 ? `Notifications, ${count} unread` : "Notifications"}
        className="relative inline-flex size-11 shrink-0 items-center justify-center rounded-lg hover:bg-ember-50"
      >
        <Bell aria-hidden="true" className="size-6" />
        {count > 0 && (
          <span
            aria-hidden="true"
            data-testid="notification-count"
            className="absolute right-0.5 top-0.5 min-w-5 rounded-full bg-ember-700 px-1 text-center text-xs font-bold leading-5 text-white"
          >
            {count > 99 ? "99+" : count}
          </span>
        )}
      </PopoverTrigger>
      <PopoverContent aria-labelledby={headingId} className="w-[min(24rem,calc(100vw-1rem))]">
        <div className="flex flex-wrap items-center justify-between gap-2 px-2 pb-2">
          <h2 id={headingId} className="text-lg font-bold">
            Notifications
          </h2>
          <Button variant="ghost" className="px-3 text-sm" onClick={markAll} disabled={count === 0}>
            Mark all read
          </Button>
        </div>
        {latest.error && <Alert>{errorMessage(latest.error)}</Alert>}
        {latest.isPending ? (
          <p className="px-3 py-2 text-muted">Loading…</p>
        ) : items.length === 0 ? (
          <p className="px-3 py-2 text-muted">Nothing yet. Mentions, replies and news from your groups will show here.</p>
        ) : (
          <ul className="flex max-h-[60vh] flex-col gap-1 overflow-y-auto" aria-label="Latest notifications">
            {items.map((item) => (
              <li key={item.id}>
                <NotificationLink
                  item={item}
                  onOpen={(opened) => {
                    openItem(opened);
                    setOpen(false);
                  }}
                />
              </li>
            ))}
          </ul>
        )}
        <div className="mt-2 border-t border-line px-2 pt-2">
          <Link href="/notifications" onClick={() => setOpen(false)} className="inline-flex min-h-11 items-center font-semibold text-ember-700 hover:underline">
            See all notifications
          </Link>
        </div>
      </PopoverContent>
    </Popover>
  );
}
