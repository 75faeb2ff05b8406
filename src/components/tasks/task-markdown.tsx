"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useLayoutEffect, useRef, useState } from "react";
import { renderCheckboxes } from "@/components/tasks/checklist";
import { useTaskChanges } from "@/components/tasks/use-task-changes";
import { Alert } from "@/components/ui/alert";
import { errorMessage } from "@/lib/trpc/error-message";
import { useTRPC, type RouterOutputs } from "@/lib/trpc/client";

type Task = RouterOutputs["task"]["list"][number];
type Scope = { threadId: string } | { meetingId: string };

/** Cooked HTML may hold a checklist only if the text had "[ ]" or "[x]" in it. */
export const mayHaveChecklist = (html: string) => /\[[ xX]\]/.test(html);

/**
 * Cooked markdown (see CookedMarkdown) whose checklist items are live checkboxes: the nth box is
 * the task written as the text's nth item (`source`), ticked from the task's state, clickable by
 * whoever may complete it, and refreshed live when anyone ticks it anywhere. The HTML is cached per
 * text, never per reader, so the boxes are matched to tasks here, on the client. Items that are
 * not tasks (no @mention) stay as written, disabled.
 */
export function TaskMarkdown({
  html,
  className,
  source,
  scope,
}: {
  html: string;
  className?: string;
  source: { kind: "thread" | "comment" | "agenda" | "minutes"; id: string };
  scope: Scope;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const ref = useRef<HTMLDivElement>(null);
  const [boxes, setBoxes] = useState<HTMLInputElement[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const hasChecklist = mayHaveChecklist(html);
  const listInput = { ...scope, status: "all" as const };
  const { data: tasks } = useQuery({ ...trpc.task.list.queryOptions(listInput), enabled: hasChecklist });
  const scopeId = "threadId" in scope ? scope.threadId : scope.meetingId;
  useTaskChanges([trpc.task.list.queryFilter(listInput)], (change) =>
    hasChecklist && ("threadId" in scope ? change.threadId === scopeId : change.meetingId === scopeId),
  );
  const { mutate: complete } = useMutation(
    trpc.task.complete.mutationOptions({
      onSuccess: () => {
        setFailure(null);
        void queryClient.invalidateQueries(trpc.task.list.pathFilter());
        void queryClient.invalidateQueries(trpc.task.mine.pathFilter());
      },
      onError: (error) => {
        setFailure(errorMessage(error));
        void queryClient.invalidateQueries(trpc.task.list.queryFilter(listInput));
      },
    }),
  );

  // React has just set the HTML: turn its "[ ]" markers into checkboxes.
  useLayoutEffect(() => {
    setBoxes(ref.current && hasChecklist ? renderCheckboxes(ref.current) : []);
  }, [html, hasChecklist]);

  useEffect(() => {
    const mine = new Map<number, Task>();
    for (const task of tasks ?? []) {
      if (task.source.kind === source.kind && task.source.id === source.id && task.sourceIndex !== null) mine.set(task.sourceIndex, task);
    }
    const cleanups = boxes.map((box, index) => {
      const task = mine.get(index);
      if (!task) {
        // Not (or no longer) a task: back to the box as written.
        box.checked = box.dataset.written === "done";
        box.disabled = true;
        delete box.dataset.testid;
        delete box.dataset.taskId;
        box.removeAttribute("aria-label");
        return () => undefined;
      }
      box.checked = task.doneAt !== null;
      box.disabled = !task.canComplete;
      box.dataset.testid = "task-checkbox";
      box.dataset.taskId = task.id;
      box.setAttribute("aria-label", `${task.doneAt ? "Reopen" : "Mark done"}: ${task.title}`);
      const onChange = () => complete({ id: task.id, done: box.checked });
      box.addEventListener("change", onChange);
      return () => box.removeEventListener("change", onChange);
    });
    return () => cleanups.forEach((cleanup) => cleanup());
  }, [boxes, tasks, source.kind, source.id, complete]);

  return (
    <>
      <div ref={ref} className={`markdown ${className ?? ""}`} dangerouslySetInnerHTML={{ __html: html }} />
      {failure && <Alert>{failure}</Alert>}
    </>
  );
}
