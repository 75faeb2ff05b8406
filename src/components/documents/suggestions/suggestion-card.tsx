"use client";

import { useMutation } from "@tanstack/react-query";
import { useId, useState } from "react";
import { AmendmentVoteLine } from "@/components/documents/amendments/amendment-card";
import { ProposeAmendmentForm } from "@/components/documents/amendments/propose-amendment-form";
import type { AmendmentItem } from "@/components/documents/amendments/use-amendments";
import { ReplyForm } from "@/components/documents/reply-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { LocalTime } from "@/components/ui/local-time";
import { colorFor } from "@/lib/documents/colors";
import { errorMessage } from "@/lib/trpc/error-message";
import { useTRPC, type RouterOutputs } from "@/lib/trpc/client";
import { MAX_SUGGESTION_REPLY_LENGTH } from "@/server/suggestions/schemas";

export type SuggestionItem = RouterOutputs["suggestion"]["list"]["items"][number];

/** Long suggested text is shortened in the panel; the document shows all of it. */
function clip(text: string): string {
  const flat = text.replace(/\u200b/g, "").replace(/\s+/g, " ").trim();
  return flat.length > 200 ? `${flat.slice(0, 200)}…` : flat;
}

/**
 * One suggestion: who made it and when, what it adds and removes, its replies, and for the
 * group's editors Accept / Reject; everyone who may suggest can reply. Whoever may propose
 * amendments can put it to the group's vote; once it is an amendment, the vote decides it.
 */
export function SuggestionCard({
  suggestion,
  active,
  canDecide,
  canReply,
  amendment,
  canPropose,
  documentId,
  onChanged,
  onShow,
}: {
  suggestion: SuggestionItem;
  active: boolean;
  canDecide: boolean;
  canReply: boolean;
  /** The open amendment putting this suggestion to the vote. */
  amendment: AmendmentItem | null;
  canPropose: boolean;
  documentId: string;
  onChanged: () => void;
  onShow: () => void;
}) {
  const trpc = useTRPC();
  const headingId = useId();
  const [replying, setReplying] = useState(false);
  const [proposing, setProposing] = useState(false);
  const accept = useMutation(trpc.suggestion.accept.mutationOptions({ onSettled: onChanged }));
  const reject = useMutation(trpc.suggestion.reject.mutationOptions({ onSettled: onChanged }));
  const sendReply = useMutation(
    trpc.suggestion.reply.mutationOptions({
      onSuccess: () => {
        setReplying(false);
        onChanged();
      },
    }),
  );
  const deciding = accept.isPending || reject.isPending;
  const inserted = clip(suggestion.inserted);
  const deleted = clip(suggestion.deleted);
  const error = accept.error ?? reject.error;

  return (
    <article
      aria-labelledby={headingId}
      aria-current={active ? "true" : undefined}
      className={cn("space-y-2 rounded-lg border border-l-4 bg-card p-3", active ? "ring-2 ring-ember-600" : "")}
      style={{ borderLeftColor: colorFor(suggestion.author.id) }}
    >
      <h3 id={headingId} className="text-sm text-muted">
        <span className="font-semibold text-ink">{suggestion.author.name}</span> suggested ·{" "}
        <LocalTime date={suggestion.createdAt} withTime />
      </h3>
      <button type="button" onClick={onShow} className="block w-full space-y-1 rounded px-1 text-left hover:bg-ember-50">
        <span className="sr-only">Show in the document: </span>
        {deleted && (
          <span className="block">
            Remove <del className="decoration-2">{deleted}</del>
          </span>
        )}
        {inserted && (
          <span className="block">
            {deleted ? "and add " : "Add "}
            <ins className="decoration-2 underline-offset-4">{inserted}</ins>
          </span>
        )}
        {!inserted && !deleted && <span className="block">{suggestion.changesFormat ? "Change formatting" : "New paragraph"}</span>}
      </button>
      {suggestion.replies.length > 0 && (
        <ol aria-label={`Replies to ${suggestion.author.name}'s suggestion`} className="space-y-2 border-l-2 border-line pl-3">
          {suggestion.replies.map((answer) => (
            <li key={answer.id}>
              <p className="text-sm text-muted">
                <span className="font-semibold text-ink">{answer.author.name}</span> · <LocalTime date={answer.createdAt} withTime />
              </p>
              <p className="whitespace-pre-wrap break-words">{answer.body}</p>
            </li>
          ))}
        </ol>
      )}
      {canReply && replying && (
        <ReplyForm
          to={suggestion.author.name}
          maxLength={MAX_SUGGESTION_REPLY_LENGTH}
          pending={sendReply.isPending}
          error={sendReply.error}
          onSend={(body) => sendReply.mutate({ id: suggestion.id, body })}
          onCancel={() => setReplying(false)}
        />
      )}
      {amendment && <AmendmentVoteLine amendment={amendment} />}
      {proposing && !amendment && (
        <ProposeAmendmentForm
          documentId={documentId}
          subject={{ suggestionIds: [suggestion.id] }}
          onDone={() => {
            setProposing(false);
            onChanged();
          }}
          onCancel={() => setProposing(false)}
        />
      )}
      {error && <Alert>{errorMessage(error)}</Alert>}
      <div className="flex flex-wrap gap-2">
        {canDecide && !amendment && (
          <>
            <Button disabled={deciding} onClick={() => accept.mutate({ id: suggestion.id })}>
              Accept
            </Button>
            <Button variant="secondary" disabled={deciding} onClick={() => reject.mutate({ id: suggestion.id })}>
              Reject
            </Button>
          </>
        )}
        {canReply && !replying && (
          <Button variant="secondary" onClick={() => setReplying(true)}>
            Reply
          </Button>
        )}
        {canPropose && !amendment && !proposing && (
          <Button variant="secondary" onClick={() => setProposing(true)}>
            Propose as amendment
          </Button>
        )}
      </div>
    </article>
  );
}
