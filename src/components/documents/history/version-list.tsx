"use client";

import Link from "next/link";
import type { RouterOutputs } from "@/lib/trpc/client";
import { LocalTime } from "@/components/ui/local-time";
import { cn } from "@/components/ui/cn";

export type Version = RouterOutputs["document"]["versions"]["items"][number];

export const KIND_LABELS: Record<Version["kind"], string> = { auto: "Checkpoint", named: "Named", restore: "Restore" };

function Row({ id, selected, onToggle, children }: { id: string; selected: boolean; onToggle: (id: string) => void; children: React.ReactNode }) {
  return (
    <li className={cn("rounded-lg border p-3", selected ? "border-ember-600 bg-ember-50" : "border-line bg-card")}>
      <label className="flex cursor-pointer items-start gap-3">
        <input type="checkbox" className="mt-1 size-5 shrink-0 accent-ember-700" checked={selected} onChange={() => onToggle(id)} />
        <span className="flex min-w-0 flex-col gap-1">{children}</span>
      </label>
    </li>
  );
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;

/** "Priya Shah +120 −14 words, 2 suggestions accepted" per author; versions recorded before counting say so. */
function Contributions({ authors }: { authors: Version["authors"] }) {
  if (authors.length === 0) return null;
  if (authors.every((author) => author.contribution === null)) return <span className="text-sm text-muted">Contributions not counted</span>;
  return (
    <span className="flex flex-col text-sm">
      {authors.map(({ id, name, contribution }) => (
        <span key={id} data-testid="contribution">
          {name}{" "}
          {contribution ? (
            <>
              <span className="text-green-800">+{contribution.wordsAdded}</span> <span className="text-red-800">−{contribution.wordsRemoved}</span>{" "}
              words
              {contribution.suggestionsAccepted > 0 && `, ${plural(contribution.suggestionsAccepted, "suggestion")} accepted`}
            </>
          ) : (
            <span className="text-muted">not counted</span>
          )}
        </span>
      ))}
    </span>
  );
}

/** Every version, newest first, with the current text on top; tick one to read it, two to compare. */
export function VersionList({
  versions,
  selected,
  onToggle,
}: {
  versions: Version[];
  selected: string[];
  onToggle: (id: string) => void;
}) {
  return (
    <ul className="flex flex-col gap-2">
      <Row id="current" selected={selected.includes("current")} onToggle={onToggle}>
        <span className="font-semibold">Current text</span>
        <span className="text-sm text-muted">As everyone sees it now</span>
      </Row>
      {versions.map((version) => (
        <Row key={version.id} id={version.id} selected={selected.includes(version.id)} onToggle={onToggle}>
          <span className="break-words font-semibold">{version.label}</span>
          <span className="text-sm text-muted">
            {KIND_LABELS[version.kind]} · <LocalTime date={version.createdAt} withTime />
          </span>
          {version.authors.length > 0 && (
            <span className="text-sm text-muted">Edited by {version.authors.map((author) => author.name).join(", ")}</span>
          )}
          <Contributions authors={version.authors} />
          {version.adoptedAt && (
            <span className="text-sm font-semibold text-live">
              {version.isAdopted ? "Adopted vision" : "Adopted earlier"} · <LocalTime date={version.adoptedAt} />
            </span>
          )}
          {version.proposal && (
            <Link href={`/polls/${version.proposal.pollId}`} className="text-sm text-ember-700 underline">
              {version.proposal.closed ? "Adoption proposal (closed)" : "Adoption proposal (open)"}
            </Link>
          )}
        </Row>
      ))}
    </ul>
  );
}
