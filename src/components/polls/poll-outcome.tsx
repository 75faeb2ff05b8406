"use client";

import { Flag } from "lucide-react";
import { OutcomeFollowUp } from "@/components/acks/outcome-follow-up";
import { OutcomeDecisionLink } from "@/components/decisions/outcome-decision-link";
import { Heading } from "@/components/polls/heading";
import { useOptionLabel } from "@/components/polls/use-option-label";
import { CookedMarkdown } from "@/components/cooked-markdown";
import { LocalTime } from "@/components/ui/local-time";
import type { RouterOutputs } from "@/lib/trpc/client";

type Poll = RouterOutputs["poll"]["byId"];

/** The decision as recorded after closing: shown first, above the poll itself. */
export function PollOutcome({ poll, level }: { poll: Poll; level: number }) {
  const label = useOptionLabel(poll.options);
  const outcome = poll.outcomeDetail;
  if (!outcome) return null;
  return (
    <section className="flex flex-col gap-2 rounded-lg border-2 border-live bg-green-50 p-4" data-testid="poll-outcome">
      <Heading level={level} className="flex items-center gap-2 text-lg font-bold">
        <Flag aria-hidden="true" className="size-5 text-live" /> Outcome
      </Heading>
      <CookedMarkdown html={outcome.statementHtml} className="min-w-0 break-words" />
      {outcome.optionId && (
        <p>
          Chosen option: <strong>{label(outcome.optionId)}</strong>
        </p>
      )}
      {outcome.reviewOn && (
        <p>
          To be reviewed on <LocalTime date={outcome.reviewOn} />
        </p>
      )}
      <OutcomeFollowUp pollId={poll.id} outcome={outcome} />
      <OutcomeDecisionLink handle={poll.group.handle} />
    </section>
  );
}
