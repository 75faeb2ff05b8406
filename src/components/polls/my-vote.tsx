"use client";

import { CheckCircle2 } from "lucide-react";
import { choiceTexts } from "@/components/polls/choice-text";
import { useOptionLabel } from "@/components/polls/use-option-label";
import { Button } from "@/components/ui/button";
import type { RouterOutputs } from "@/lib/trpc/client";

type Poll = RouterOutputs["poll"]["byId"];

/** "You voted": the viewer's current ballot, or for anonymous polls only the receipt kept in this browser. */
export function MyVote({ poll, receipt, onChange }: { poll: Poll; receipt: string | null; onChange?: () => void }) {
  const label = useOptionLabel(poll.options);
  const { myChoices, myReason } = poll.viewer;
  const texts = myChoices ? choiceTexts(poll.kind, myChoices, label) : [];

  return (
    <div className="flex flex-col gap-3 rounded-lg border border-live bg-green-50 p-4">
      <p className="flex items-center gap-2 font-semibold text-live">
        <CheckCircle2 aria-hidden="true" className="size-5" /> {poll.settings.anonymous ? "You voted anonymously" : "You voted"}
      </p>
      {texts.length > 0 && (
        <ul className="flex flex-col gap-1" aria-label="Your choices">
          {texts.map((text) => (
            <li key={text} className="font-medium">
              {text}
            </li>
          ))}
        </ul>
      )}
      {myReason && <p className="whitespace-pre-wrap break-words">{myReason}</p>}
      {poll.settings.anonymous &&
        (receipt ? (
          <p data-testid="receipt">
            Your receipt: <strong className="font-mono tracking-wider">{receipt}</strong>; keep it to check your vote was counted
            {poll.settings.allowChangeVote ? " and to change it from another device" : ""}.
          </p>
        ) : (
          <p className="text-muted">Nobody, admins included, can see how you voted, and this browser keeps no receipt for it.</p>
        ))}
      {onChange && (
        <div>
          <Button variant="secondary" onClick={onChange}>
            Change vote
          </Button>
        </div>
      )}
    </div>
  );
}
