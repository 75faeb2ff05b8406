"use client";

import { useId, type ReactNode } from "react";
import {
  SEARCH_TYPES,
  TYPE_LABELS,
  effectiveTypes,
  statusOf,
  withStatus,
  withTypeToggled,
  type SearchState,
  type SearchStatus,
} from "@/components/search/search-query";
import { cn } from "@/components/ui/cn";

function Chip({ pressed, onClick, children }: { pressed: boolean; onClick: () => void; children: ReactNode }) {
  return (
    <button
      type="button"
      aria-pressed={pressed}
      onClick={onClick}
      className={cn(
        "min-h-10 rounded-full border px-4 font-semibold",
        pressed ? "border-ember-700 bg-ember-700 text-white" : "border-line bg-card text-ink hover:bg-ember-50",
      )}
    >
      {children}
    </button>
  );
}

function ChipGroup({ label, children }: { label: string; children: ReactNode }) {
  const labelId = useId();
  return (
    <div role="group" aria-labelledby={labelId} className="flex flex-wrap items-center gap-2">
      <span id={labelId} className="text-sm font-semibold text-muted">
        {label}
      </span>
      {children}
    </div>
  );
}

const STATUS_LABELS: Record<SearchStatus, string> = { open: "Open", closed: "Closed" };

/**
 * The filters as chips. Kinds of thing go in `types` (a typed `type:` presses its chip, and moves
 * into the chips once one is pressed); the status chips write `status:` into the query itself, so
 * what the box says and what the chips show never disagree. The group chip
 * appears when the search came narrowed to a group, and widens or narrows it again.
 */
export function SearchFilters({
  state,
  group,
  onChange,
}: {
  state: SearchState;
  /** The group this search was narrowed to when the page opened, if any. */
  group: { id: string; name: string } | null;
  onChange: (next: Partial<SearchState>) => void;
}) {
  const status = statusOf(state.q);
  const shown = effectiveTypes(state);

  return (
    <div className="flex flex-col gap-3">
      <ChipGroup label="Show only">
        {SEARCH_TYPES.map((type) => (
          <Chip key={type} pressed={shown.includes(type)} onClick={() => onChange(withTypeToggled(state, type))}>
            {TYPE_LABELS[type].chip}
          </Chip>
        ))}
      </ChipGroup>
      <div className="flex flex-wrap items-center gap-x-6 gap-y-3">
        <ChipGroup label="Status">
          {(["open", "closed"] as const).map((value) => (
            <Chip key={value} pressed={status === value} onClick={() => onChange({ q: withStatus(state.q, status === value ? null : value) })}>
              {STATUS_LABELS[value]}
            </Chip>
          ))}
        </ChipGroup>
        {group && (
          <ChipGroup label="Where">
            <Chip pressed={state.groupId === group.id} onClick={() => onChange({ groupId: state.groupId === group.id ? null : group.id })}>
              Group: {group.name}
            </Chip>
          </ChipGroup>
        )}
      </div>
    </div>
  );
}
