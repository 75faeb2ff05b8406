"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import type { AmendmentItem } from "@/components/documents/amendments/use-amendments";
import { cn } from "@/components/ui/cn";
import { LocalTime } from "@/components/ui/local-time";

/** Long passages are shortened in the panel; the poll quotes them in full. */
function clip(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > 200 ? `${flat.slice(0, 200)}…` : flat;
}

const STATUS_TEXT: Record<AmendmentItem["status"], string> = {
  open: "Vote open",
  adopted: "Adopted",
  rejected: "Not adopted",
  withdrawn: "Withdrawn",
};

/** "Amendment N — vote open until …" with its poll, for the amendment and for its suggestions' cards. */
export function AmendmentVoteLine({ amendment }: { amendment: AmendmentItem }) {
  const { poll } = amendment;
  if (amendment.status !== "open") return null;
  if (!poll) {
    return amendment.competesWith ? (
      <p className="text-sm">Waiting to be decided with Amendment {amendment.competesWith.number} in one ranked vote.</p>
    ) : null;
  }
  return (
    <p className="text-sm">
      <strong>Amendment {amendment.number}</strong> — {amendment.decidedTogether ? "decided together in one ranked vote until" : "vote open until"}{" "}
      <LocalTime date={poll.closingAt} withTime />.{" "}
      <Link href={poll.href} className="font-semibold text-ember-700 underline">
        Go to the vote
      </Link>
    </p>
  );
}

/** One amendment: what it changes, who proposed it, its vote, and how it ended; `children` are its actions. */
export function AmendmentCard({ amendment, children }: { amendment: AmendmentItem; children?: ReactNode }) {
  const passage = clip(amendment.passage);
  const replacement = clip(amendment.replacement);
  const headingId = `amendment-${amendment.number}-heading`;
  return (
    <article
      id={`amendment-${amendment.number}`}
      aria-labelledby={headingId}
      className={cn("scroll-mt-24 space-y-2 rounded-lg border bg-card p-3 target:ring-2 target:ring-ember-600", amendment.status === "open" ? "border-ember-600" : "border-line")}
    >
      <h3 id={headingId} className="flex flex-wrap items-baseline gap-2">
        <span className="font-semibold">Amendment {amendment.number}</span>
        {amendment.competesWith && <span className="text-sm">an alternative to Amendment {amendment.competesWith.number}</span>}
        <span className="rounded-full border border-line px-2 text-sm">
          {amendment.status === "open" && !amendment.poll && amendment.competesWith ? "Waiting for a ranked vote" : STATUS_TEXT[amendment.status]}
        </span>
      </h3>
      <p className="text-sm text-muted">
        Proposed by {amendment.proposedBy.name} · <LocalTime date={amendment.createdAt} withTime />
      </p>
      {passage && (
        <p className="break-words">
          {replacement ? "Replace " : "Remove "}
          <del className="decoration-2">{passage}</del>
        </p>
      )}
      {replacement && (
        <p className="break-words">
          {passage ? "with " : "Add "}
          <ins className="decoration-2 underline-offset-4">{replacement}</ins>
        </p>
      )}
      <AmendmentVoteLine amendment={amendment} />
      {amendment.status !== "open" && (
        <div className="space-y-1 text-sm">
          {amendment.decidedAt && (
            <p>
              {STATUS_TEXT[amendment.status]} <LocalTime date={amendment.decidedAt} withTime />
              {amendment.result && `: ${amendment.result}`}
            </p>
          )}
          <p className="flex flex-wrap gap-3">
            {amendment.versionHref && (
              <Link href={amendment.versionHref} className="font-semibold text-ember-700 underline">
                Amendment {amendment.number} adopted, in the history
              </Link>
            )}
            {amendment.poll && (
              <Link href={amendment.poll.href} className="font-semibold text-ember-700 underline">
                The vote
              </Link>
            )}
          </p>
        </div>
      )}
      {children}
    </article>
  );
}
