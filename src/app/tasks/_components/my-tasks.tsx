"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useState } from "react";
import { TaskRow } from "@/components/tasks/task-row";
import { useTaskChanges } from "@/components/tasks/use-task-changes";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { errorMessage } from "@/lib/trpc/error-message";
import { useTRPC, type RouterOutputs } from "@/lib/trpc/client";

type Status = "open" | "done";

/**
 * Tasks assigned to me in every group: open ones overdue first, then by due date, each with where
 * it came from; ticking one ticks it everywhere. Any task.changed the socket hears (my own room,
 * my groups' rooms) refetches the list, so a tick in a thread shows here at once.
 */
export function MyTasks({ firstPage }: { firstPage: RouterOutputs["task"]["mine"] }) {
  const trpc = useTRPC();
  const [status, setStatus] = useState<Status>("open");
  const query = useInfiniteQuery({
    ...trpc.task.mine.infiniteQueryOptions({ status }, { getNextPageParam: (page) => page.nextCursor ?? undefined }),
    ...(status === "open" && { initialData: { pages: [firstPage], pageParams: [null] } }),
  });
  useTaskChanges([trpc.task.mine.pathFilter()]);
  const items = query.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-bold">My tasks</h1>
        <div role="group" aria-label="Which tasks" className="flex gap-2">
          {(["open", "done"] as const).map((value) => (
            <Button key={value} variant={status === value ? "primary" : "secondary"} aria-pressed={status === value} onClick={() => setStatus(value)}>
              {value === "open" ? "To do" : "Done"}
            </Button>
          ))}
        </div>
      </div>
      <p className="text-muted">
        Tasks given to you in your groups’ threads, comments, meetings and decisions. Someone writes one as a checklist item that
        mentions you, e.g. “- [ ] @Your Name book the room due 2026-12-10”.
      </p>
      {query.error && <Alert>{errorMessage(query.error)}</Alert>}
      {!query.data ? (
        <p className="text-muted">Loading…</p>
      ) : items.length === 0 ? (
        <p data-testid="my-tasks-empty" className="rounded-xl border border-line bg-card p-5 text-muted">
          {status === "open" ? "Nothing to do: no open tasks are assigned to you." : "No done tasks yet."}
        </p>
      ) : (
        <ul data-testid="my-tasks" className="rounded-xl border border-line bg-card px-5">
          {items.map((task) => (
            <TaskRow key={task.id} task={task} showSource />
          ))}
        </ul>
      )}
      {query.hasNextPage && (
        <Button variant="secondary" className="self-start" disabled={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
          {query.isFetchingNextPage ? "Loading…" : "Show more"}
        </Button>
      )}
    </div>
  );
}
