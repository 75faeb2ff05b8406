"use client";

import { useQuery } from "@tanstack/react-query";
import { Eye } from "lucide-react";
import { useId } from "react";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import { useRefetchOnEvent } from "@/lib/realtime/use-refetch-on-event";
import { useTRPC } from "@/lib/trpc/client";

/**
 * "Seen by 7 of 12": how many of the people who can see the thread have read to its newest
 * comment. Members and admins can open the names; guests get the count only (the server sends
 * no names to them). A new comment changes who is at the end, and so does someone else reading
 * to the end (thread.seen), so it refetches on both; marking the thread read here refetches it
 * where that happens (thread-view, use-thread-room). `enabled` holds the first fetch until the
 * page has stored this visit's read.
 */
export function SeenBy({ threadId, enabled }: { threadId: string; enabled: boolean }) {
  const trpc = useTRPC();
  const headingId = useId();
  const { data } = useQuery({ ...trpc.thread.seenBy.queryOptions({ threadId }), enabled });
  useRefetchOnEvent("comment.created", "threadId", threadId, [trpc.thread.seenBy.queryFilter({ threadId })]);
  useRefetchOnEvent("thread.seen", "threadId", threadId, [trpc.thread.seenBy.queryFilter({ threadId })]);

  if (!data) return <div className="min-h-11" />;
  const label = `Seen by ${data.seen} of ${data.of}`;
  if (data.people === null) {
    return (
      <p data-testid="seen-by" className="flex min-h-11 items-center gap-2 text-sm text-muted">
        <Eye aria-hidden="true" className="size-4" />
        {label}
      </p>
    );
  }
  return (
    <div data-testid="seen-by" className="flex min-h-11 items-center">
      <Popover>
        <PopoverTrigger className="inline-flex min-h-11 items-center gap-2 rounded-lg px-2 text-sm text-muted hover:bg-ember-50 hover:text-ink">
          <Eye aria-hidden="true" className="size-4" />
          {label}
        </PopoverTrigger>
        <PopoverContent aria-labelledby={headingId} align="start" className="w-[min(20rem,calc(100vw-1rem))] p-4">
          <h2 id={headingId} className="text-base font-bold">
            Read to the end
          </h2>
          {data.people.length === 0 ? (
            <p className="mt-2 text-sm text-muted">Nobody has read up to the newest comment yet.</p>
          ) : (
            <ul aria-labelledby={headingId} className="mt-2 flex max-h-64 flex-col gap-1 overflow-y-auto text-sm">
              {data.people.map(({ id, name }) => (
                <li key={id}>{name}</li>
              ))}
            </ul>
          )}
          <p className="mt-3 text-sm text-muted">
            Only the group’s members and admins see these names. Guests invited to this thread see the numbers only.
          </p>
        </PopoverContent>
      </Popover>
    </div>
  );
}
