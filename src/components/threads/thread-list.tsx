"use client";

import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { CheckCheck, X } from "lucide-react";
import { useEffect, useState } from "react";
import { NewThreadDialog } from "@/components/threads/new-thread-dialog";
import { ThreadListItem } from "@/components/threads/thread-list-item";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { useRealtime } from "@/lib/realtime/socket-provider";
import { errorMessage } from "@/lib/trpc/error-message";
import { useTRPC, type RouterOutputs } from "@/lib/trpc/client";

type ThreadPage = RouterOutputs["thread"]["list"];
type Status = "open" | "closed" | "all";

const STATUSES: { value: Status; label: string }[] = [
  { value: "open", label: "Open" },
  { value: "closed", label: "Closed" },
  { value: "all", label: "All" },
];

/**
 * A group's threads, latest activity first with pinned ones on top, each with its unread count.
 * Filters by tag (click one) and by open/closed; refreshes itself when anything in the group moves.
 */
export function ThreadList({
  groupId,
  initialPage,
  canStartThread = true,
  seesEveryThread = true,
}: {
  groupId: string;
  /** The first page of open threads, rendered on the server. */
  initialPage?: ThreadPage;
  canStartThread?: boolean;
  /** False for guests, who see only the threads they were invited to: an empty list means no invitation yet. */
  seesEveryThread?: boolean;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { socket } = useRealtime();
  const [status, setStatus] = useState<Status>("open");
  const [tag, setTag] = useState<string | null>(null);
  const usesInitial = status === "open" && tag === null && initialPage !== undefined;
  const threads = useInfiniteQuery(
    trpc.thread.list.infiniteQueryOptions(
      { groupId, status, ...(tag && { tag }) },
      {
        getNextPageParam: (page) => page.nextCursor,
        // Shown until the first fetch answers: as initialData its null page parameter would be sent as a cursor.
        ...(usesInitial && { placeholderData: { pages: [initialPage], pageParams: [null] } }),
      },
    ),
  );
  const markAllRead = useMutation(
    trpc.thread.markAllRead.mutationOptions({ onSuccess: () => queryClient.invalidateQueries(trpc.thread.list.pathFilter()) }),
  );

  useEffect(() => {
    if (!socket) return;
    const onActivity = (activity: { groupId: string }) => {
      if (activity.groupId === groupId) void queryClient.invalidateQueries(trpc.thread.list.pathFilter());
    };
    socket.on("thread.activity", onActivity);
    return () => {
      socket.off("thread.activity", onActivity);
    };
  }, [socket, groupId, queryClient, trpc]);

  const items = threads.data?.pages.flatMap((page) => page.items) ?? [];
  const anyUnread = items.some((thread) => thread.unseen || thread.unreadCount > 0);

  return (
    <section aria-labelledby="threads-heading" className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="threads-heading" className="text-2xl font-bold">
          Threads
        </h2>
        <div className="flex flex-wrap gap-2">
          <Button variant="secondary" onClick={() => markAllRead.mutate({ groupId })} disabled={!anyUnread || markAllRead.isPending}>
            <CheckCheck aria-hidden="true" className="size-5" /> Mark all read
          </Button>
          {canStartThread && <NewThreadDialog groupId={groupId} />}
        </div>
      </div>

      <div className="flex flex-wrap items-center gap-3">
        <div role="group" aria-label="Show threads" className="flex rounded-lg border border-line bg-card p-0.5">
          {STATUSES.map((option) => (
            <button
              key={option.value}
              type="button"
              aria-pressed={status === option.value}
              onClick={() => setStatus(option.value)}
              className={cn(
                "min-h-10 rounded-md px-3 font-semibold",
                status === option.value ? "bg-ember-700 text-white" : "text-ink hover:bg-ember-50",
              )}
            >
              {option.label}
            </button>
          ))}
        </div>
        {tag && (
          <p className="flex items-center gap-2">
            Tagged <span className="font-semibold">#{tag}</span>
            <Button variant="ghost" onClick={() => setTag(null)} className="min-h-10 px-2">
              <X aria-hidden="true" className="size-4" /> Clear tag
            </Button>
          </p>
        )}
      </div>

      {threads.error && <Alert>{errorMessage(threads.error)}</Alert>}
      {markAllRead.error && <Alert>{errorMessage(markAllRead.error)}</Alert>}
      {threads.isPending && <p className="text-muted">Loading threads…</p>}
      {threads.isSuccess && items.length === 0 && (
        <p className="text-muted">
          {tag || status !== "open"
            ? "No threads match."
            : seesEveryThread
              ? "No threads yet. Start the first one."
              : "You have not been invited to any discussions yet."}
        </p>
      )}
      <ul className="flex flex-col gap-3" aria-label="Threads">
        {items.map((thread) => (
          <ThreadListItem key={thread.id} thread={thread} onTag={setTag} />
        ))}
      </ul>
      {threads.hasNextPage && (
        <Button variant="secondary" onClick={() => void threads.fetchNextPage()} disabled={threads.isFetchingNextPage}>
          {threads.isFetchingNextPage ? "Loading…" : "Load more threads"}
        </Button>
      )}
    </section>
  );
}
