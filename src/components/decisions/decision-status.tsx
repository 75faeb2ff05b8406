import { cn } from "@/components/ui/cn";
import type { DecisionStatus } from "@/server/decisions/schemas";

export const STATUS_NAMES: Record<DecisionStatus, string> = {
  agreed: "Agreed",
  in_progress: "In progress",
  done: "Done",
  dropped: "Dropped",
  superseded: "Superseded",
};

export const STATUS_OPTIONS = (Object.keys(STATUS_NAMES) as DecisionStatus[]).map((value) => ({ value, label: STATUS_NAMES[value] }));

const STATUS_STYLES: Record<DecisionStatus, string> = {
  agreed: "border-ember-700 text-ember-800",
  in_progress: "border-sky-700 bg-sky-50 text-sky-900",
  done: "border-live bg-green-50 text-green-900",
  dropped: "border-line text-muted",
  superseded: "border-line text-muted line-through",
};

/** A decision's status as a labelled badge; a withdrawn decision says so beside it. */
export function DecisionStatusBadge({ status, withdrawn }: { status: DecisionStatus; withdrawn: boolean }) {
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <span className={cn("rounded-full border px-2 py-0.5 text-sm font-semibold", STATUS_STYLES[status])} data-testid="decision-status">
        {STATUS_NAMES[status]}
      </span>
      {withdrawn && (
        <span className="rounded-full border border-amber-700 bg-amber-50 px-2 py-0.5 text-sm font-semibold text-amber-900">
          Withdrawn: no longer the recorded outcome
        </span>
      )}
    </span>
  );
}
