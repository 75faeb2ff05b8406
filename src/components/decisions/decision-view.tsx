"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { DecisionLinks } from "@/components/decisions/decision-links";
import { DecisionStatusBadge, STATUS_NAMES } from "@/components/decisions/decision-status";
import { DecisionUpdateForm } from "@/components/decisions/decision-update-form";
import { useDecisionsLive } from "@/components/decisions/use-decisions-live";
import { TaskList } from "@/components/tasks/task-list";
import { CookedMarkdown } from "@/components/cooked-markdown";
import { Alert } from "@/components/ui/alert";
import { LocalTime } from "@/components/ui/local-time";
import { errorMessage } from "@/lib/trpc/error-message";
import { useTRPC, type RouterOutputs } from "@/lib/trpc/client";

type Decision = RouterOutputs["decision"]["byId"];

function Notes({ notes }: { notes: Decision["notes"] }) {
  return (
    <section aria-labelledby="decision-notes" className="flex flex-col gap-3">
      <h3 id="decision-notes" className="text-lg font-bold">
        Progress
      </h3>
      {notes.length === 0 ? (
        <p className="text-muted">No progress notes yet.</p>
      ) : (
        <ol className="flex flex-col gap-3" data-testid="decision-notes">
          {notes.map((note) => (
            <li key={note.id} className="flex flex-col gap-1 border-l-4 border-line pl-3">
              <p className="text-sm text-muted">
                <span className="font-semibold text-ink">{note.author.name}</span> · <LocalTime date={note.createdAt} withTime />
                {note.status && <> · set the status to {STATUS_NAMES[note.status].toLowerCase()}</>}
              </p>
              {note.bodyHtml && <CookedMarkdown html={note.bodyHtml} className="min-w-0 break-words" />}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** One decision of the register: what was decided, where it came from, who carries it, and how it is going. */
export function DecisionView({ initial, handle }: { initial: Decision; handle: string }) {
  const trpc = useTRPC();
  const query = useQuery({ ...trpc.decision.byId.queryOptions({ id: initial.id }), initialData: initial });
  useDecisionsLive(initial.groupId);
  const decision = query.data;
  const register = `/groups/${handle}/decisions`;

  return (
    <article className="flex flex-col gap-6">
      <p>
        <Link href={register} className="text-ember-700 underline">
          ← All decisions
        </Link>
      </p>
      {query.error && <Alert>{errorMessage(query.error)}</Alert>}
      <header className="flex flex-col gap-2">
        <h2 className="break-words text-2xl font-bold">{decision.title}</h2>
        <DecisionStatusBadge status={decision.status} withdrawn={decision.withdrawn} />
        {decision.withdrawn && (
          <p className="text-sm text-muted">
            {decision.links.document && !decision.links.poll
              ? "This version is no longer the adopted one."
              : "Its poll was reopened, so the outcome was withdrawn. What was recorded and the notes below are kept; a new outcome updates this decision."}
          </p>
        )}
      </header>
      <section aria-label="Result" className="flex flex-col gap-2 rounded-lg border-2 border-live bg-green-50 p-4">
        <CookedMarkdown html={decision.resultHtml} className="min-w-0 break-words" />
        {decision.verdict && <p className="font-medium">{decision.verdict}</p>}
      </section>
      <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
        <dt className="font-semibold">Decided</dt>
        <dd>
          <LocalTime date={decision.decidedAt} />
        </dd>
        <dt className="font-semibold">Owner</dt>
        <dd data-testid="decision-owner">{decision.owner?.name ?? "Nobody yet"}</dd>
        <dt className="font-semibold">Review on</dt>
        <dd>{decision.reviewOn ? <LocalTime date={decision.reviewOn} /> : "No review date"}</dd>
        {decision.supersededBy && (
          <>
            <dt className="font-semibold">Superseded by</dt>
            <dd>
              <Link href={`${register}/${decision.supersededBy.id}`} className="text-ember-700 underline">
                {decision.supersededBy.title}
              </Link>
            </dd>
          </>
        )}
        {decision.supersedes.length > 0 && (
          <>
            <dt className="font-semibold">Replaces</dt>
            <dd>
              <ul>
                {decision.supersedes.map((earlier) => (
                  <li key={earlier.id}>
                    <Link href={`${register}/${earlier.id}`} className="text-ember-700 underline">
                      {earlier.title}
                    </Link>
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
        {decision.taskCount.open + decision.taskCount.done > 0 && (
          <>
            <dt className="font-semibold">Tasks</dt>
            <dd>
              {decision.taskCount.done} of {decision.taskCount.open + decision.taskCount.done} done
            </dd>
          </>
        )}
      </dl>
      <DecisionLinks links={decision.links} />
      {/* Whoever sees the register may add tasks ("task.create" covers the same people); the server decides. */}
      <TaskList scope={{ decisionId: decision.id, groupId: decision.groupId }} canAdd />
      <Notes notes={decision.notes} />
      {decision.viewer.canReport && <DecisionUpdateForm key={decision.id} decision={decision} />}
    </article>
  );
}
