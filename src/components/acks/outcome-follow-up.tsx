"use client";

import { AckBlock } from "@/components/acks/ack-block";
import { OutcomeSeenBy } from "@/components/acks/outcome-seen-by";

/** Under an outcome: who has seen it, and the acknowledgements an admin may ask for. */
export function OutcomeFollowUp({ pollId, outcome }: { pollId: string; outcome: { statement: string; optionId: string | null; at: Date } }) {
  return (
    <div className="flex flex-col gap-1">
      <OutcomeSeenBy pollId={pollId} outcomeAt={outcome.at} />
      <AckBlock kind="outcome" id={pollId} itemVersion={`${outcome.at.getTime()}:${outcome.optionId ?? ""}:${outcome.statement}`} />
    </div>
  );
}
