"use client";

import { useQuery } from "@tanstack/react-query";
import { AddOptionForm } from "@/components/polls/add-option-form";
import { AnonymityNote } from "@/components/polls/anonymity-note";
import { BallotForm } from "@/components/polls/ballot-form";
import { countedByText, METHOD_EXPLANATIONS } from "@/components/polls/counting-method";
import { Heading } from "@/components/polls/heading";
import { canAddOptions } from "@/components/polls/poll-form-state";
import { isGone, PollDeletedNotice } from "@/components/polls/poll-deleted-notice";
import { PollManage } from "@/components/polls/poll-manage";
import { PollOutcome } from "@/components/polls/poll-outcome";
import { PollResults } from "@/components/polls/poll-results";
import { isNotYetOpen, KIND_LABELS, opensText, pollStatus, unreachableQuorumText } from "@/components/polls/poll-text";
import { useNow } from "@/components/polls/use-clock";
import { usePollLive } from "@/components/polls/use-poll-live";
import { CookedMarkdown } from "@/components/cooked-markdown";
import { Alert } from "@/components/ui/alert";
import { errorMessage } from "@/lib/trpc/error-message";
import { useTRPC, type RouterOutputs } from "@/lib/trpc/client";

type Poll = RouterOutputs["poll"]["byId"];

/**
 * A whole poll in place, kept live: outcome, details, the ballot for its kind, results, and the
 * author's and admins' actions. `headingLevel` is the title's level (1 on its own page).
 */
export function PollCard({ pollId, initial, headingLevel = 2 }: { pollId: string; initial?: Poll; headingLevel?: number }) {
  const trpc = useTRPC();
  const { data: poll, error } = useQuery({ ...trpc.poll.byId.queryOptions({ id: pollId }), initialData: initial });
  // The same query as the results below: its participation says how many can vote.
  const { data: results } = useQuery(trpc.poll.results.queryOptions({ pollId }));
  const now = useNow();
  usePollLive(pollId);

  // Deleted while open here (poll.updated refetched it): the stale copy must not take votes.
  if (isGone(error)) return <PollDeletedNotice headingLevel={headingLevel} />;
  if (!poll) return error ? <Alert>{errorMessage(error)}</Alert> : <p className="text-muted">Loading the poll…</p>;
  const sub = headingLevel + 1;
  const open = !poll.closedAt;
  const titleId = `poll-${poll.id}-title`;

  return (
    <article aria-labelledby={titleId} className="flex flex-col gap-6 rounded-xl border border-line bg-card p-5 shadow-sm">
      {error && <Alert>{errorMessage(error)}</Alert>}
      <header className="flex flex-col gap-2">
        <p className="flex flex-wrap items-center gap-2 text-sm">
          <span className="rounded-full bg-ember-100 px-3 py-0.5 font-semibold text-ember-800">{KIND_LABELS[poll.kind]}</span>
          <span className={open ? "font-semibold text-live" : "font-semibold text-muted"} suppressHydrationWarning data-testid="poll-status">
            {pollStatus(poll, now)}
          </span>
          {poll.settings.anonymous && <span className="rounded-full border border-line px-3 py-0.5">Anonymous</span>}
        </p>
        <Heading level={headingLevel} id={titleId} className="min-w-0 break-words text-2xl font-bold sm:text-3xl">
          {poll.title}
        </Heading>
        <p className="text-muted">
          Started by <span className="font-semibold text-ink">{poll.author.name}</span>
        </p>
        {poll.settings.countingMethod && (
          <p data-testid="counting-method">
            {poll.settings.seats !== null && (
              <span className="font-semibold">
                Electing {poll.settings.seats} of {poll.options.length} options.{" "}
              </span>
            )}
            <span className="font-semibold">{countedByText(poll.settings.countingMethod)}.</span>{" "}
            <span className="text-muted">{METHOD_EXPLANATIONS[poll.settings.countingMethod]}</span>
          </p>
        )}
        {(poll.rules.summary.length > 0 || (open && isNotYetOpen(poll, now))) && (
          <p data-testid="poll-rules" suppressHydrationWarning>
            <span className="font-semibold">Rules: </span>
            {[...poll.rules.summary, ...(open && isNotYetOpen(poll, now) ? [`opens ${opensText(poll.opensAt!, now)}`] : [])].join(" · ")}
          </p>
        )}
        {open && results && <UnreachableQuorum text={unreachableQuorumText(poll.rules.quorum, results.participation, { canLower: poll.viewer.canManage, chosenVoters: poll.settings.restrictVoters })} />}
        {poll.settings.anonymous && <AnonymityNote open={open} />}
      </header>

      <PollOutcome poll={poll} level={sub} />
      {poll.details && <CookedMarkdown html={poll.detailsHtml} className="min-w-0 break-words text-lg" />}

      <section className="flex flex-col gap-3">
        <Heading level={sub} className="text-xl font-bold">
          {poll.kind === "question" ? "Your answer" : "Your vote"}
        </Heading>
        <BallotForm poll={poll} />
        {open && poll.viewer.canVote && poll.settings.votersAddOptions && canAddOptions(poll.kind) && <AddOptionForm pollId={poll.id} />}
      </section>

      <section className="flex flex-col gap-3">
        <Heading level={sub} className="text-xl font-bold">
          Results
        </Heading>
        <PollResults poll={poll} level={sub + 1} />
      </section>

      {poll.viewer.canManage && (
        <section className="flex flex-col gap-3">
          <Heading level={sub} className="text-xl font-bold">
            Manage this poll
          </Heading>
          <PollManage poll={poll} />
        </section>
      )}
    </article>
  );
}

function UnreachableQuorum({ text }: { text: string | null }) {
  return text ? <Alert tone="info">{text}</Alert> : null;
}
