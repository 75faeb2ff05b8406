"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useState, useSyncExternalStore } from "react";
import { DashboardLinks, DashboardSection } from "@/app/_components/dashboard-section";
import { GroupList } from "@/app/_components/group-list";
import { NotificationLink } from "@/components/notifications/notification-link";
import { useNotificationActions } from "@/components/notifications/use-notification-actions";
import { TimeAgo } from "@/components/threads/time-ago";
import { LocalTime } from "@/components/ui/local-time";
import { formatAbsolute, MINUTE } from "@/lib/relative-time";
import { useRealtime } from "@/lib/realtime/socket-provider";
import { formatTimeUntil } from "@/lib/time-until";
import { useTRPC, type RouterOutputs } from "@/lib/trpc/client";

type Dashboard = RouterOutputs["dashboard"]["get"];

/**
 * Events after which something on the dashboard may have changed. Each carries ids only; the
 * dashboard refetches through its own authorised query.
 */
const REFRESH_ON = [
  "notification.created",
  "membership.added",
  "membership.removed",
  "membership.changed",
  "thread.activity",
  "poll.updated",
  "meeting.updated",
  "resource.changed",
] as const;

/** "What needs me?": what waits for the reader across their groups, then the groups themselves. */
export function Dashboard({ initialData }: { initialData: Dashboard }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { socket } = useRealtime();
  const [mountedAt] = useState(() => Date.now());
  // It answers what needs the reader now: on return to the page (a cache from an earlier visit,
  // e.g. before a vote) and on focus it refetches, but not just after the server rendered it.
  const { data = initialData } = useQuery({
    ...trpc.dashboard.get.queryOptions(),
    initialData,
    refetchOnMount: (query) => (query.state.dataUpdatedAt < mountedAt ? "always" : false),
    refetchOnWindowFocus: "always",
  });

  useEffect(() => {
    if (!socket) return;
    const refresh = () => void queryClient.invalidateQueries(trpc.dashboard.get.queryFilter());
    for (const name of REFRESH_ON) socket.on(name, refresh);
    socket.io.on("reconnect", refresh);
    return () => {
      for (const name of REFRESH_ON) socket.off(name, refresh);
      socket.io.off("reconnect", refresh);
    };
  }, [socket, queryClient, trpc]);

  const { awaitingVote, unreadThreads, mentions, meetings, resources, pendingRequests } = data;
  const nothingWaiting =
    awaitingVote.total + unreadThreads.total + mentions.total + meetings.total + resources.total + pendingRequests.total === 0;

  return (
    <div className="flex flex-col gap-8">
      {nothingWaiting ? (
        data.groups.length > 0 && <p className="text-muted">Nothing needs you right now: no votes, unread threads or mentions.</p>
      ) : (
        <div className="grid items-start gap-4 lg:grid-cols-2">
          {awaitingVote.total > 0 && (
            <DashboardLinks
              title="Waiting for your vote"
              section={awaitingVote}
              path="/polls"
              more="Each group below says how many of its decisions are open."
              facts={(poll) => (
                <>
                  {poll.group.name} · <ClosesIn date={poll.closingAt} />
                </>
              )}
            />
          )}
          {mentions.total > 0 && <Mentions section={mentions} />}
          {unreadThreads.total > 0 && (
            <DashboardLinks
              title="Unread threads"
              section={unreadThreads}
              path="/threads"
              more="Each group below says how many of its threads are unread."
              badge={(thread) => (
                <span className="shrink-0 rounded-full bg-ember-700 px-2.5 py-0.5 text-sm font-semibold text-white">
                  {thread.unseen ? "New" : `${thread.unreadCount} unread`}
                </span>
              )}
              facts={(thread) => (
                <>
                  {thread.group.name} · active <TimeAgo date={thread.lastActivityAt} />
                </>
              )}
            />
          )}
          {pendingRequests.total > 0 && (
            <DashboardSection
              title="Requests to join"
              total={pendingRequests.total}
              shown={pendingRequests.items.reduce((sum, { count }) => sum + count, 0)}
              more="Other groups you run have requests too: see each group's Requests page."
            >
              {pendingRequests.items.map(({ group, count }) => (
                <li key={group.id} className="flex flex-wrap items-center justify-between gap-x-3 py-2">
                  <span className="min-w-0 break-words">{group.name}</span>
                  <Link href={`/groups/${group.handle}/requests`} className="inline-flex min-h-11 items-center font-semibold text-ember-700 hover:underline">
                    Review {count} {count === 1 ? "request" : "requests"}
                  </Link>
                </li>
              ))}
            </DashboardSection>
          )}
          {meetings.total > 0 && (
            <DashboardLinks
              title="Meetings in the next 14 days"
              section={meetings}
              path="/meetings"
              facts={(meeting) => (
                <>
                  <LocalTime date={meeting.startsAt} withTime /> · {meeting.group.name}
                  {meeting.location && ` · ${meeting.location}`}
                </>
              )}
            />
          )}
          {resources.total > 0 && (
            <DashboardLinks
              title="New in the libraries"
              section={resources}
              path="/resources"
              facts={(resource) => (
                <>
                  {resource.kind === "link" ? "Link" : "File"} · {resource.group.name} · <TimeAgo date={resource.publishedAt} />
                </>
              )}
            />
          )}
        </div>
      )}
      <GroupList groups={data.groups} />
    </div>
  );
}

function Mentions({ section }: { section: Dashboard["mentions"] }) {
  const { open } = useNotificationActions();
  return (
    <DashboardSection
      title="Mentions and replies"
      total={section.total}
      shown={section.items.length}
      seeAll={section.total > section.items.length ? { href: "/notifications", label: "See all notifications" } : undefined}
    >
      {section.items.map((item) => (
        <li key={item.id} className="py-1">
          <NotificationLink item={item} onOpen={open} />
        </li>
      ))}
    </DashboardSection>
  );
}

const currentMinute = () => Math.floor(Date.now() / MINUTE) * MINUTE;
function everyHalfMinute(onTick: () => void) {
  const timer = setInterval(onTick, MINUTE / 2);
  return () => clearInterval(timer);
}

/** "closes in 2 days", kept current each minute, with the full closing time as a title. */
function ClosesIn({ date }: { date: Date }) {
  const now = useSyncExternalStore(everyHalfMinute, currentMinute, currentMinute);
  return (
    // The server's clock may differ from the reader's by a little.
    <time dateTime={date.toISOString()} title={formatAbsolute(date)} suppressHydrationWarning>
      closes {formatTimeUntil(date, new Date(now))}
    </time>
  );
}
