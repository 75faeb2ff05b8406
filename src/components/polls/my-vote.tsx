"use client";

import { CheckCircle2 } from "lucide-react";
import { useEffect, useRef } from "react";
import { ChangeCodeField } from "@/components/polls/change-code-field";
import { parseChangeCode } from "@/components/polls/change-code";
import { choiceTexts } from "@/components/polls/choice-text";
import { useOptionLabel } from "@/components/polls/use-option-label";
import { Button } from "@/components/ui/button";
import type { RouterOutputs } from "@/lib/trpc/client";

type Poll = RouterOutputs["poll"]["byId"];

/**
 * "You voted": the viewer's current ballot, or for anonymous polls only the receipt and change
 * code kept in this browser, since the server cannot tell which ballot is theirs. Right after
 * voting (`autoFocus`) the confirmation takes focus, as the form the viewer was in has gone.
 */
export function MyVote({
  poll,
  changeCode,
  onChange,
  autoFocus = false,
}: {
  poll: Poll;
  changeCode: string | null;
  onChange?: () => void;
  autoFocus?: boolean;
}) {
  const confirmation = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (autoFocus) confirmation.current?.focus();
  }, [autoFocus]);
  const label = useOptionLabel(poll.options);
  const { myChoices, myReason } = poll.viewer;
  const texts = myChoices ? choiceTexts(poll.kind, myChoices, label) : [];
  const code = changeCode ? parseChangeCode(changeCode) : null;
  const { anonymous, allowChangeVote } = poll.settings;

  return (
    <div className="flex flex-col gap-3 rounded-lg border border-live bg-green-50 p-4">
      <p ref={confirmation} tabIndex={-1} role="status" className="flex items-center gap-2 font-semibold text-live">
        <CheckCircle2 aria-hidden="true" className="size-5" /> {anonymous ? "You voted anonymously" : "You voted"}
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
      {anonymous && <p className="text-muted">Nobody, admins included, can see how you voted. Others can see that you have voted.</p>}
      {anonymous &&
        (code ? (
          <p data-testid="receipt">
            Your receipt: <strong className="font-mono tracking-wider">{code.receipt}</strong>; keep it to check your vote was counted.
          </p>
        ) : (
          <p className="text-muted">This browser keeps no receipt for your vote.</p>
        ))}
      {anonymous && allowChangeVote && !poll.closedAt && changeCode && code?.changeKey && <ChangeCodeField code={changeCode} />}
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
