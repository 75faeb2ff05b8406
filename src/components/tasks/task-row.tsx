"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { cn } from "@/components/ui/cn";
import { formatDay } from "@/lib/dates";
import { errorMessage } from "@/lib/trpc/error-message";
import { useTRPC, type RouterOutputs } from "@/lib/trpc/client";

export type TaskItem = RouterOutputs["task"]["list"][number];

const SOURCE_WORDS: Record<TaskItem["source"]["kind"], string> = {
  thread: "In the thread",
  comment: "In a comment on",
  agenda: "In the agenda of",
  minutes: "In the minutes of",
  meeting: "For the meeting",
  docComment: "In a comment on",
  decision: "For the decision",
  group: "In",
};


/** Whether a due day has ended (its last moment, UTC, is past). */
export function isOverdue(task: Pick<TaskItem, "dueOn" | "doneAt">, now = new Date()): boolean {
  return task.doneAt === null && task.dueOn !== null && task.dueOn.getTime() + 24 * 60 * 60 * 1000 <= now.getTime();
}

/** One task with its checkbox (for those who may complete it), people, due date and, when asked, where it came from. */
export function TaskRow({ task, showSource }: { task: TaskItem; showSource: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  // The box shows the click at once (set in the click itself, so the browser's toggle stays),
  // until the lists have been fetched again with the stored change.
  const [clicked, setClicked] = useState<boolean | null>(null);
  const complete = useMutation(
    trpc.task.complete.mutationOptions({
      onSuccess: () => {
        setFailure(null);
        return Promise.all([
          queryClient.invalidateQueries(trpc.task.list.pathFilter()),
          queryClient.invalidateQueries(trpc.task.mine.pathFilter()),
        ]);
      },
      onError: (error) => setFailure(errorMessage(error)),
      onSettled: () => setClicked(null),
    }),
  );
  const done = task.doneAt !== null;
  const ticked = clicked ?? done;
  const overdue = isOverdue(task);
  const checkboxId = `task-${task.id}`;
  return (
    <li data-testid="task-row" data-task-id={task.id} className="flex flex-col gap-1 border-b border-line py-3 last:border-b-0">
      <div className="flex items-start gap-3">
        <input
          id={checkboxId}
          type="checkbox"
          className="mt-1 size-5 shrink-0 accent-ember-700"
          checked={ticked}
          disabled={!task.canComplete || complete.isPending}
          onChange={(event) => {
            setClicked(event.target.checked);
            complete.mutate({ id: task.id, done: event.target.checked });
          }}
        />
        <div className="min-w-0 flex-1">
          <label htmlFor={checkboxId} className={cn("break-words font-medium", done && "text-muted line-through")}>
            {task.title}
          </label>
          <p className="flex flex-wrap gap-x-3 text-sm text-muted">
            {task.assignees.length > 0 && <span>{task.assignees.map(({ name }) => name).join(", ")}</span>}
            {task.dueOn && (
              <span className={cn(overdue && "font-semibold text-danger")}>
                {overdue ? "Overdue: was due " : "Due "}
                {formatDay(task.dueOn)}
              </span>
            )}
            {done && task.doneBy && <span>Done by {task.doneBy.name}</span>}
          </p>
          {showSource && (
            <p className="text-sm">
              {SOURCE_WORDS[task.source.kind]}{" "}
              <Link href={task.source.url} className="text-ember-700 underline">
                {task.source.label || "its page"}
              </Link>
            </p>
          )}
        </div>
      </div>
      {failure && <Alert>{failure}</Alert>}
    </li>
  );
}
