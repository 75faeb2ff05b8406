"use client";

import { useQuery } from "@tanstack/react-query";
import { CheckCircle2 } from "lucide-react";
import Link from "next/link";
import { NewPollDialog } from "@/components/polls/new-poll-dialog";
import { KIND_LABELS, pollStatus } from "@/components/polls/poll-text";
import { useNow } from "@/components/polls/use-clock";
import { useGroupPollsLive } from "@/components/polls/use-poll-live";
import { Alert } from "@/components/ui/alert";
import { errorMessage } from "@/lib/trpc/error-message";
import { useTRPC, type RouterOutputs } from "@/lib/trpc/client";

type Summary = RouterOutputs["poll"]["list"][number];

function PollRow({ poll, now }: { poll: Summary; now: Date }) {
  return (
    <li className="flex flex-col gap-1 rounded-lg border border-line bg-card px-4 py-3">
      <Link href={`/polls/${poll.id}`} className="break-words text-lg font-semibold text-ember-700 underline">
        {poll.title}
      </Link>
      <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
        <span className="rounded-full bg-ember-100 px-2 py-0.5 font-semibold text-ember-800">{KIND_LABELS[poll.kind]}</span>
        <span suppressHydrationWarning className={poll.closedAt ? "text-muted" : "font-semibold text-live"}>
          {pollStatus(poll, now)}
        </span>
        <span className="text-muted">{poll.voterCount === 1 ? "1 vote" : `${poll.voterCount} votes`}</span>
        {poll.votedByMe && (
          <span className="inline-flex items-center gap-1 rounded-full border border-live px-2 py-0.5 font-semibold text-live">
            <CheckCircle2 aria-hidden="true" className="size-4" /> You voted
          </span>
        )}
      </p>
      {poll.outcome && <p className="line-clamp-2 break-words text-muted">Outcome: {poll.outcome}</p>}
    </li>
  );
}

/**
 * A group's decisions: open ones, closing soonest first, then closed ones; kept live, with a
 * button to start another for those who may (`canStart`). Headings are h2/h3, for the group page.
 */
export function PollList({ groupId, canStart = true }: { groupId: string; canStart?: boolean }) {
  const trpc = useTRPC();
  const { data: polls, error } = useQuery(trpc.poll.list.queryOptions({ groupId }));
  const now = useNow();
  useGroupPollsLive(groupId);
  const open = polls?.filter((poll) => !poll.closedAt) ?? [];
  const closed = polls?.filter((poll) => poll.closedAt) ?? [];

  return (
    <section aria-labelledby={`decisions-${groupId}`} className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h2 id={`decisions-${groupId}`} className="text-2xl font-bold">
          Decisions
        </h2>
        {canStart && <NewPollDialog groupId={groupId} />}
      </div>
      {error && <Alert>{errorMessage(error)}</Alert>}
      {!polls && !error && <p className="text-muted">Loading decisions…</p>}
      {polls && polls.length === 0 && <p className="text-muted">No decisions yet.</p>}
      {open.length > 0 && (
        <div className="flex flex-col gap-2">
          <h3 className="text-lg font-bold">Open</h3>
          <ul className="flex flex-col gap-2">
            {open.map((poll) => (
              <PollRow key={poll.id} poll={poll} now={now} />
            ))}
          </ul>
        </div>
      )}
      {closed.length > 0 && (
        <div className="flex flex-col gap-2">
          <h3 className="text-lg font-bold">Closed</h3>
          <ul className="flex flex-col gap-2">
            {closed.map((poll) => (
              <PollRow key={poll.id} poll={poll} now={now} />
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
