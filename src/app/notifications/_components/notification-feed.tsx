"use client";

import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { NotificationLink } from "@/components/notifications/notification-link";
import { useNotificationActions } from "@/components/notifications/use-notification-actions";
import { useIsClient } from "@/components/threads/use-is-client";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { groupByDay } from "@/lib/day-groups";
import { errorMessage } from "@/lib/trpc/error-message";
import { useTRPC, type RouterOutputs } from "@/lib/trpc/client";

type Page = RouterOutputs["notification"]["list"];

/** Every notification, newest first, under a heading per day in the reader's time zone. */
export function NotificationFeed({ firstPage }: { firstPage: Page }) {
  const trpc = useTRPC();
  const isClient = useIsClient();
  const { open, markAll, markRead } = useNotificationActions();
  const unread = useQuery(trpc.notification.unreadCount.queryOptions()).data ?? 0;
  const query = useInfiniteQuery({
    ...trpc.notification.list.infiniteQueryOptions({}, { getNextPageParam: (page) => page.nextCursor ?? undefined }),
    initialData: { pages: [firstPage], pageParams: [null] },
  });
  const items = query.data.pages.flatMap((page) => page.items);

  return (
    <>
      <div className="mb-8 flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="mb-2 text-3xl font-bold">Notifications</h1>
          <p className="text-muted">Mentions, replies, new threads and polls, and decisions in your groups.</p>
        </div>
        <Button variant="secondary" onClick={markAll} disabled={unread === 0}>
          Mark all read
        </Button>
      </div>
      {markRead.error && <Alert>{errorMessage(markRead.error)}</Alert>}
      {query.error && <Alert>{errorMessage(query.error)}</Alert>}
      {items.length === 0 ? (
        <Card>
          <p>Nothing yet. When someone mentions you, replies to you or starts something in your groups, it shows here.</p>
        </Card>
      ) : !isClient ? (
        <p className="text-muted">Loading…</p>
      ) : (
        groupByDay(items, new Date()).map((day, index) => (
          <section key={day.label} aria-labelledby={`day-${index}`} className="mb-6">
            <h2 id={`day-${index}`} className="mb-2 text-xl font-bold">
              {day.label}
            </h2>
            <ul className="flex flex-col gap-1 rounded-xl border border-line bg-card p-2">
              {day.items.map((item) => (
                <li key={item.id}>
                  <NotificationLink item={item} onOpen={open} />
                </li>
              ))}
            </ul>
          </section>
        ))
      )}
      {query.hasNextPage && (
        <Button variant="secondary" className="mt-2" onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage}>
          {query.isFetchingNextPage ? "Loading…" : "Load more"}
        </Button>
      )}
    </>
  );
}
