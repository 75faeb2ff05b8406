"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { Download } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { DecisionLinks } from "@/components/decisions/decision-links";
import { DecisionStatusBadge, STATUS_OPTIONS } from "@/components/decisions/decision-status";
import { OwnerSelect } from "@/components/decisions/owner-select";
import { useDecisionsLive } from "@/components/decisions/use-decisions-live";
import { CookedMarkdown } from "@/components/cooked-markdown";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { LocalTime } from "@/components/ui/local-time";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { errorMessage } from "@/lib/trpc/error-message";
import { useTRPC, type RouterOutputs } from "@/lib/trpc/client";
import type { DecisionStatus } from "@/server/decisions/schemas";

type Decision = RouterOutputs["decision"]["list"]["items"][number];
type Filters = { status: DecisionStatus | ""; ownerId: string; tag: string; from: string; to: string };
const NO_FILTERS: Filters = { status: "", ownerId: "", tag: "", from: "", to: "" };

/** The filters as decision.list takes them: days are whole UTC days, the end day included. */
function listFilters(filters: Filters) {
  return {
    ...(filters.status && { status: filters.status }),
    ...(filters.ownerId && { ownerId: filters.ownerId }),
    ...(filters.tag.trim() && { tag: filters.tag.trim() }),
    ...(filters.from && { from: new Date(`${filters.from}T00:00:00.000Z`) }),
    ...(filters.to && { to: new Date(`${filters.to}T23:59:59.999Z`) }),
  };
}

/** The same filters as the CSV link's query string. */
function csvHref(handle: string, filters: Filters): string {
  const query = new URLSearchParams();
  const chosen = listFilters(filters);
  for (const [key, value] of Object.entries(chosen)) query.set(key, value instanceof Date ? value.toISOString() : value);
  const search = query.toString();
  return `/api/groups/${handle}/decisions.csv${search ? `?${search}` : ""}`;
}

function DecisionRow({ decision, handle }: { decision: Decision; handle: string }) {
  return (
    <li className="flex flex-col gap-2 rounded-lg border border-line bg-card px-4 py-3" data-testid="decision-row">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h3 className="min-w-0 break-words text-lg font-semibold">
          <Link href={`/groups/${handle}/decisions/${decision.id}`} className="text-ember-700 underline">
            {decision.title}
          </Link>
        </h3>
        <DecisionStatusBadge status={decision.status} withdrawn={decision.withdrawn} />
      </div>
      <CookedMarkdown html={decision.resultHtml} className="min-w-0 break-words" />
      {decision.verdict && <p className="text-sm font-medium">{decision.verdict}</p>}
      <p className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-muted">
        <span>
          Decided <LocalTime date={decision.decidedAt} />
        </span>
        <span>Owner: {decision.owner ? decision.owner.name : "nobody yet"}</span>
        {decision.reviewOn && (
          <span>
            Review on <LocalTime date={decision.reviewOn} />
          </span>
        )}
        {decision.taskCount.open + decision.taskCount.done > 0 && (
          <span>
            Tasks: {decision.taskCount.done} of {decision.taskCount.open + decision.taskCount.done} done
          </span>
        )}
        {decision.supersededBy && <span>Superseded by “{decision.supersededBy.title}”</span>}
      </p>
      <DecisionLinks links={decision.links} />
    </li>
  );
}

/** The group's decision register: every outcome and adopted version, filtered, with a CSV of what is shown. */
export function DecisionRegister({ group }: { group: { id: string; handle: string } }) {
  const trpc = useTRPC();
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const decisions = useInfiniteQuery(
    trpc.decision.list.infiniteQueryOptions({ groupId: group.id, ...listFilters(filters) }, { getNextPageParam: (page) => page.nextCursor }),
  );
  useDecisionsLive(group.id);
  const items = decisions.data?.pages.flatMap((page) => page.items) ?? [];
  const set = (change: Partial<Filters>) => setFilters((previous) => ({ ...previous, ...change }));
  const filtered = JSON.stringify(filters) !== JSON.stringify(NO_FILTERS);

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h2 className="text-2xl font-bold">Decisions</h2>
        <a href={csvHref(group.handle, filters)} className="inline-flex min-h-11 items-center gap-2 rounded-lg border border-line bg-card px-4 py-2 font-semibold hover:bg-ember-50" download>
          <Download aria-hidden="true" className="size-4" /> Download CSV
        </a>
      </div>
      <form role="search" aria-label="Filter decisions" className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" onSubmit={(event) => event.preventDefault()}>
        <SelectField
          label="Status"
          value={filters.status}
          onChange={(event) => set({ status: event.target.value as Filters["status"] })}
          options={[{ value: "", label: "Any status" }, ...STATUS_OPTIONS]}
        />
        <OwnerSelect groupId={group.id} label="Owner" value={filters.ownerId} onChange={(ownerId) => set({ ownerId })} emptyLabel="Anyone" />
        <TextField label="Thread tag" placeholder="e.g. transport" value={filters.tag} onChange={(event) => set({ tag: event.target.value })} />
        <TextField label="Decided from" type="date" value={filters.from} onChange={(event) => set({ from: event.target.value })} />
        <TextField label="Decided until" type="date" value={filters.to} onChange={(event) => set({ to: event.target.value })} />
        {filtered && (
          <Button variant="secondary" className="self-end justify-self-start" onClick={() => setFilters(NO_FILTERS)}>
            Clear filters
          </Button>
        )}
      </form>
      {decisions.error && <Alert>{errorMessage(decisions.error)}</Alert>}
      {decisions.isPending && <p className="text-muted">Loading decisions…</p>}
      {decisions.data && items.length === 0 && (
        <p className="text-muted">
          {filtered ? "No decisions match these filters." : "No decisions yet. When a poll's outcome is written, or a document version adopted, it appears here."}
        </p>
      )}
      {items.length > 0 && (
        <ul className="flex flex-col gap-3" aria-label="Decisions">
          {items.map((decision) => (
            <DecisionRow key={decision.id} decision={decision} handle={group.handle} />
          ))}
        </ul>
      )}
      {decisions.hasNextPage && (
        <Button variant="secondary" className="self-start" onClick={() => void decisions.fetchNextPage()} disabled={decisions.isFetchingNextPage}>
          {decisions.isFetchingNextPage ? "Loading…" : "Show more"}
        </Button>
      )}
    </div>
  );
}
