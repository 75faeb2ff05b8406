"use client";

import { choiceTexts } from "@/components/polls/choice-text";
import { Heading } from "@/components/polls/heading";
import { useOptionLabel } from "@/components/polls/use-option-label";
import type { RouterOutputs } from "@/lib/trpc/client";

type Poll = RouterOutputs["poll"]["byId"];
type Ballot = RouterOutputs["poll"]["results"]["ballots"][number];

/** Who voted what, with reasons; anonymous polls show the ballots and reasons with no names. */
export function PollBallots({ poll, ballots, level }: { poll: Poll; ballots: Ballot[]; level: number }) {
  const label = useOptionLabel(poll.options);
  const isQuestion = poll.kind === "question";
  const { anonymous, showReasons } = poll.settings;
  const title = isQuestion ? "Answers" : anonymous ? "Ballots" : "Who voted what";

  return (
    <section className="flex flex-col gap-3">
      <Heading level={level} className="text-lg font-bold">
        {title}
      </Heading>
      {anonymous && <p className="text-muted">Votes are anonymous: nobody, admins included, can see who voted what.</p>}
      {!showReasons && !isQuestion && <p className="text-muted">Reasons are not shown in this poll.</p>}
      {ballots.length === 0 ? (
        <p className="text-muted">{isQuestion ? "No answers yet." : "No votes yet."}</p>
      ) : (
        <ul className="flex flex-col gap-2">
          {ballots.map((ballot, index) => {
            const texts = choiceTexts(poll.kind, ballot.choices, label);
            return (
              <li key={ballot.voter?.id ?? index} className="rounded-lg border border-line bg-card px-4 py-3">
                <p className="font-semibold">{ballot.voter?.name ?? `Anonymous ${isQuestion ? "answer" : "ballot"} ${index + 1}`}</p>
                {texts.length > 0 && <p>{texts.join(" · ")}</p>}
                {ballot.reason && <p className="mt-1 whitespace-pre-wrap break-words text-muted">{ballot.reason}</p>}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
