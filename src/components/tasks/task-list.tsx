"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Plus, X } from "lucide-react";
import { useId, useState } from "react";
import { TaskRow } from "@/components/tasks/task-row";
import { useTaskChanges } from "@/components/tasks/use-task-changes";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormButtons } from "@/components/ui/form-buttons";
import { TextField } from "@/components/ui/text-field";
import { errorMessage, fieldErrors } from "@/lib/trpc/error-message";
import { useTRPC } from "@/lib/trpc/client";

/** Where the panel's tasks live; a meeting's or decision's also names its group, whose people may be assigned. */
export type TaskScope = { threadId: string } | { meetingId: string; groupId: string } | { decisionId: string; groupId: string };

function placeOf(scope: TaskScope) {
  if ("threadId" in scope) return { threadId: scope.threadId };
  if ("meetingId" in scope) return { meetingId: scope.meetingId };
  return { decisionId: scope.decisionId };
}

/**
 * The Tasks panel of a thread, meeting or decision: its open tasks (or all, done ones too) with
 * live checkboxes, and an "Add task" form (title, people, due date) for those who may add tasks.
 * Tasks written in the text (checklist items with an @mention) appear here too.
 */
export function TaskList({ scope, canAdd }: { scope: TaskScope; canAdd: boolean }) {
  const trpc = useTRPC();
  const headingId = useId();
  const [showDone, setShowDone] = useState(false);
  const [adding, setAdding] = useState(false);
  const place = placeOf(scope);
  const input = { ...place, status: showDone ? ("all" as const) : ("open" as const) };
  const tasks = useQuery(trpc.task.list.queryOptions(input));
  useTaskChanges([trpc.task.list.pathFilter()], (change) =>
    "threadId" in place ? change.threadId === place.threadId : "meetingId" in place ? change.meetingId === place.meetingId : change.decisionId === place.decisionId,
  );

  return (
    <section aria-labelledby={headingId} data-testid="task-panel" className="rounded-xl border border-line bg-card p-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id={headingId} className="text-lg font-bold">
          Tasks
        </h2>
        <div className="flex flex-wrap gap-2">
          <label className="inline-flex min-h-11 items-center gap-2 text-sm">
            <input type="checkbox" className="size-4 accent-ember-700" checked={showDone} onChange={(event) => setShowDone(event.target.checked)} />
            Show done tasks
          </label>
          {canAdd && !adding && (
            <Button variant="secondary" onClick={() => setAdding(true)}>
              <Plus aria-hidden="true" className="mr-1 inline size-4" />
              Add task
            </Button>
          )}
        </div>
      </div>
      {adding && <AddTaskForm scope={scope} onDone={() => setAdding(false)} />}
      {tasks.error ? (
        <Alert>{errorMessage(tasks.error)}</Alert>
      ) : !tasks.data ? (
        <p className="mt-2 text-sm text-muted">Loading tasks…</p>
      ) : tasks.data.length === 0 ? (
        <p className="mt-2 text-sm text-muted">
          {showDone ? "No tasks yet." : "No open tasks."} Write “- [ ] @name what needs doing due YYYY-MM-DD” in a comment, or add one here.
        </p>
      ) : (
        <ul className="mt-2">
          {tasks.data.map((task) => (
            <TaskRow key={task.id} task={task} showSource={false} />
          ))}
        </ul>
      )}
    </section>
  );
}

function AddTaskForm({ scope, onDone }: { scope: TaskScope; onDone: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [title, setTitle] = useState("");
  const [dueOn, setDueOn] = useState("");
  const [search, setSearch] = useState("");
  const [people, setPeople] = useState<{ id: string; name: string }[]>([]);
  const me = useQuery(trpc.user.me.queryOptions()).data;
  const mentionable = useQuery(
    trpc.thread.mentionable.queryOptions("threadId" in scope ? { id: scope.threadId, search } : { groupId: scope.groupId, search }),
  ).data;
  const candidates = [...(me && (!search || me.name.toLowerCase().includes(search.toLowerCase())) ? [{ id: me.id, name: `${me.name} (me)` }] : []), ...(mentionable ?? [])].filter(
    (person) => !people.some(({ id }) => id === person.id),
  );
  const create = useMutation(
    trpc.task.create.mutationOptions({
      onSuccess: () => {
        void queryClient.invalidateQueries(trpc.task.list.pathFilter());
        void queryClient.invalidateQueries(trpc.task.mine.pathFilter());
        onDone();
      },
    }),
  );
  const errors = fieldErrors(create.error);

  return (
    <form
      aria-label="Add a task"
      className="mt-3 flex flex-col gap-3 rounded-lg border border-line p-3"
      onSubmit={(event) => {
        event.preventDefault();
        create.mutate({ ...placeOf(scope), title, assigneeIds: people.map(({ id }) => id), ...(dueOn && { dueOn }) });
      }}
    >
      <TextField label="What needs doing" value={title} onChange={(event) => setTitle(event.target.value)} maxLength={200} required error={errors?.title?.[0]} />
      <div className="flex flex-col gap-2">
        <TextField label="Who will do it" hint="Search by name, then choose" value={search} onChange={(event) => setSearch(event.target.value)} maxLength={100} />
        {people.length > 0 && (
          <ul aria-label="Chosen people" className="flex flex-wrap gap-2">
            {people.map((person) => (
              <li key={person.id}>
                <Button variant="secondary" aria-label={`Remove ${person.name}`} onClick={() => setPeople(people.filter(({ id }) => id !== person.id))}>
                  {person.name}
                  <X aria-hidden="true" className="ml-1 inline size-4" />
                </Button>
              </li>
            ))}
          </ul>
        )}
        {candidates.length > 0 && (
          <ul aria-label="People you can choose" className="flex flex-wrap gap-2">
            {candidates.slice(0, 8).map((person) => (
              <li key={person.id}>
                <Button variant="ghost" className="border border-dashed border-line" onClick={() => setPeople([...people, { id: person.id, name: person.name }])}>
                  <Plus aria-hidden="true" className="mr-1 inline size-4" />
                  {person.name}
                </Button>
              </li>
            ))}
          </ul>
        )}
      </div>
      <TextField label="Due on (optional)" type="date" value={dueOn} onChange={(event) => setDueOn(event.target.value)} error={errors?.dueOn?.[0]} />
      {create.error && !errors && <Alert>{errorMessage(create.error)}</Alert>}
      <FormButtons label="Add task" pending={create.isPending} onCancel={onDone} />
    </form>
  );
}
