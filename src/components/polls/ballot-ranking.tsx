"use client";

import { ArrowDown, ArrowUp } from "lucide-react";
import { useRef, useState } from "react";
import type { BallotDraft } from "@/components/polls/ballot-draft";
import { moveItem } from "@/components/polls/ranking";
import type { RouterOutputs } from "@/lib/trpc/client";

type Poll = RouterOutputs["poll"]["byId"];

/**
 * The options in order of preference, reordered with buttons. Focus stays with the option that
 * moved (on the other button once it reaches an end), and the new position is announced.
 */
export function BallotRanking({ poll, draft, onChange }: { poll: Poll; draft: BallotDraft; onChange: (draft: BallotDraft) => void }) {
  const names = new Map(poll.options.map((option) => [option.id, option.name]));
  // Options added after the ballot was started go last.
  const ranking = [...draft.ranking.filter((id) => names.has(id)), ...poll.options.map(({ id }) => id).filter((id) => !draft.ranking.includes(id))];
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const [announcement, setAnnouncement] = useState("");

  const move = (index: number, offset: -1 | 1) => {
    const next = moveItem(ranking, index, offset);
    const id = ranking[index]!;
    const position = index + offset;
    onChange({ ...draft, ranking: next });
    setAnnouncement(`${names.get(id)} is now ${position + 1} of ${next.length}.`);
    const atEnd = position === 0 ? "down" : position === next.length - 1 ? "up" : offset === -1 ? "up" : "down";
    requestAnimationFrame(() => buttons.current.get(`${id}:${atEnd}`)?.focus());
  };

  return (
    <fieldset className="flex min-w-0 flex-col gap-2">
      <legend className="mb-1 font-semibold">Your ranking</legend>
      <p className="text-sm text-muted">Put the options in order, your favourite first, with the move buttons.</p>
      <ol className="flex flex-col gap-2">
        {ranking.map((id, index) => (
          <li key={id} className="flex items-center gap-3 rounded-lg border border-line bg-card px-3 py-2">
            <span aria-hidden="true" className="grid size-8 shrink-0 place-items-center rounded-full bg-ember-100 font-bold text-ember-800">
              {index + 1}
            </span>
            <span className="min-w-0 flex-1 break-words font-medium">{names.get(id)}</span>
            <button
              type="button"
              ref={(element) => {
                if (element) buttons.current.set(`${id}:up`, element);
                else buttons.current.delete(`${id}:up`);
              }}
              onClick={() => move(index, -1)}
              disabled={index === 0}
              aria-label={`Move ${names.get(id)} up`}
              className="grid size-11 shrink-0 place-items-center rounded-lg border border-line hover:bg-ember-50 disabled:opacity-40"
            >
              <ArrowUp aria-hidden="true" className="size-5" />
            </button>
            <button
              type="button"
              ref={(element) => {
                if (element) buttons.current.set(`${id}:down`, element);
                else buttons.current.delete(`${id}:down`);
              }}
              onClick={() => move(index, 1)}
              disabled={index === ranking.length - 1}
              aria-label={`Move ${names.get(id)} down`}
              className="grid size-11 shrink-0 place-items-center rounded-lg border border-line hover:bg-ember-50 disabled:opacity-40"
            >
              <ArrowDown aria-hidden="true" className="size-5" />
            </button>
          </li>
        ))}
      </ol>
      <p role="status" className="sr-only">
        {announcement}
      </p>
    </fieldset>
  );
}
