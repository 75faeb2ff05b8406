"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { ANONYMOUS_BALLOT } from "@/components/polls/anonymity-note";
import { BallotDots } from "@/components/polls/ballot-dots";
import { choicesFor, draftFrom, type BallotDraft } from "@/components/polls/ballot-draft";
import { BallotMeeting } from "@/components/polls/ballot-meeting";
import { BallotOptions } from "@/components/polls/ballot-options";
import { BallotRanking } from "@/components/polls/ballot-ranking";
import { BallotScores } from "@/components/polls/ballot-scores";
import { joinChangeCode, parseChangeCode } from "@/components/polls/change-code";
import { MyVote } from "@/components/polls/my-vote";
import { isNotYetOpen, opensText } from "@/components/polls/poll-text";
import { useChangeCode } from "@/components/polls/receipts";
import { useNow } from "@/components/polls/use-clock";
import { usePollRefresh } from "@/components/polls/use-poll-refresh";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { TextareaField } from "@/components/ui/textarea-field";
import { errorMessage, fieldErrors } from "@/lib/trpc/error-message";
import { useTRPC, type RouterOutputs } from "@/lib/trpc/client";

type Poll = RouterOutputs["poll"]["byId"];

function KindBallot(props: { poll: Poll; draft: BallotDraft; onChange: (draft: BallotDraft) => void }) {
  switch (props.poll.kind) {
    case "score":
      return <BallotScores {...props} />;
    case "dot_vote":
      return <BallotDots {...props} />;
    case "ranked_choice":
    case "stv":
      return <BallotRanking {...props} />;
    case "meeting":
      return <BallotMeeting {...props} />;
    case "question":
      return null;
    default:
      return <BallotOptions {...props} />;
  }
}

/**
 * The viewer's ballot: their vote so far ("You voted"), or the form for the poll's kind. The
 * draft survives refusals; anonymous votes are changed with the change code kept in this
 * browser, or pasted in from another device.
 */
export function BallotForm({ poll }: { poll: Poll }) {
  const trpc = useTRPC();
  const refresh = usePollRefresh(poll.id);
  const queryClient = useQueryClient();
  const [storedCode, saveCode] = useChangeCode(poll.id);
  const [editing, setEditing] = useState(false);
  // Focus follows the viewer between the form and "You voted", which replace each other.
  const [confirmed, setConfirmed] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const [typedCode, setTypedCode] = useState("");
  const optionIds = poll.options.map(({ id }) => id);
  const [draft, setDraft] = useState<BallotDraft>(() => draftFrom(optionIds, poll.viewer.myChoices, poll.viewer.myReason));
  const vote = useMutation(
    trpc.poll.vote.mutationOptions({
      // Waiting for the fresh poll keeps the button busy until "You voted" can show.
      onSuccess: async ({ receipt, changeKey }) => {
        if (changeKey) saveCode(joinChangeCode(receipt, changeKey));
        // The poll's requests to vote are answered now: the bell's count and list drop them.
        void queryClient.invalidateQueries(trpc.notification.pathFilter());
        setConfirmed(true);
        await refresh();
        setEditing(false);
        setTypedCode("");
      },
    }),
  );
  const fields = fieldErrors(vote.error);
  const now = useNow();
  const { viewer, settings } = poll;
  const open = !poll.closedAt;
  // Where storage is blocked, the code from this page's own vote is still shown once.
  const code = storedCode ?? (vote.data?.changeKey ? joinChangeCode(vote.data.receipt, vote.data.changeKey) : null);
  useEffect(() => {
    if (editing) form.current?.querySelector<HTMLElement>("input, textarea, button")?.focus();
  }, [editing]);

  if (open && isNotYetOpen(poll, now)) {
    return (
      <p className="text-muted" suppressHydrationWarning>
        This poll opens for votes on {opensText(poll.opensAt!, now)}.
      </p>
    );
  }
  if (!viewer.canVote && !viewer.hasVoted) {
    return <p className="text-muted">{open ? "You are not one of the voters in this poll." : "This poll is closed."}</p>;
  }
  const startChanging = () => {
    setDraft(draftFrom(optionIds, viewer.myChoices, viewer.myReason));
    setEditing(true);
  };
  if (viewer.hasVoted && !editing) {
    const canChange = open && viewer.canVote && settings.allowChangeVote;
    return <MyVote poll={poll} changeCode={code} onChange={canChange ? startChanging : undefined} autoFocus={confirmed} />;
  }
  if (!open) return <p className="text-muted">This poll is closed.</p>;

  const changing = viewer.hasVoted;
  const needsCode = changing && settings.anonymous && !(code && parseChangeCode(code).changeKey);
  const isQuestion = poll.kind === "question";
  const proof = settings.anonymous && changing ? parseChangeCode(needsCode ? typedCode : (code ?? "")) : {};
  // The options whose voters must give a reason, said before voting.
  const reasonFor = poll.options.filter(({ name }) => poll.rules.requireReasonFor.includes(name.toLowerCase())).map(({ name }) => name);
  const reasonLabel = isQuestion
    ? "Your answer"
    : settings.reasonRequired
      ? "Your reason"
      : reasonFor.length
        ? `Your reason (required if you vote ${reasonFor.join(" or ")})`
        : "Your reason (optional)";
  const submit = () => vote.mutate({ pollId: poll.id, choices: choicesFor(poll.kind, draft, optionIds), reason: draft.reason, ...proof });

  return (
    <form
      ref={form}
      className="flex flex-col gap-4"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      {settings.anonymous && <p className="rounded-lg border border-line bg-ember-50 px-4 py-3">{ANONYMOUS_BALLOT}</p>}
      <KindBallot poll={poll} draft={draft} onChange={setDraft} />
      <TextareaField
        label={reasonLabel}
        hint={settings.anonymous ? "Your reason is shown without your name, when the poll closes." : undefined}
        value={draft.reason}
        onChange={(event) => setDraft({ ...draft, reason: event.target.value })}
        required={isQuestion || settings.reasonRequired}
        maxLength={5_000}
        rows={3}
        error={fields?.reason?.[0]}
      />
      {needsCode && (
        <TextField
          label="Your change code"
          hint="This browser has no change code for your anonymous vote. Paste the one you copied when you voted."
          value={typedCode}
          onChange={(event) => setTypedCode(event.target.value)}
          autoComplete="off"
          spellCheck={false}
          maxLength={140}
        />
      )}
      {vote.error && <Alert>{errorMessage(vote.error)}</Alert>}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={vote.isPending}>
          {vote.isPending ? "Sending…" : changing ? "Change vote" : isQuestion ? "Send answer" : "Vote"}
        </Button>
        {changing && (
          <Button
            variant="secondary"
            onClick={() => {
              setConfirmed(true);
              setEditing(false);
            }}
          >
            Keep my vote
          </Button>
        )}
      </div>
    </form>
  );
}
