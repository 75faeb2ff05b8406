"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { X } from "lucide-react";
import { useState } from "react";
import { ActivityEntry } from "@/components/activity/activity-entry";
import { ACTIVITY_FILTERS, typesFor, type ActivityFilterKey } from "@/components/activity/activity-filters";
import { useActivityLive } from "@/components/activity/use-activity-live";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { errorMessage } from "@/lib/trpc/error-message";
import { useTRPC, type RouterOutputs } from "@/lib/trpc/client";

type ActivityPage = RouterOutputs["activity"]["list"];

/**
 * Who did what in the group, newest first, kept live. Chips narrow it to some kinds of item
 * (none pressed: everything); only the chips for what the person may see are offered.
 */
export function ActivityFeed({
  groupId,
  initialPage,
  filters,
  seesEverything,
  seesDrafts,
}: {
  groupId: string;
  /** The first unfiltered page, rendered on the server. */
  initialPage?: ActivityPage;
  filters: readonly ActivityFilterKey[];
  /** False for guests, who see only what happens in what they were invited to. */
  seesEverything: boolean;
  seesDrafts: boolean;
}) {
  const trpc = useTRPC();
  const [pressed, setPressed] = useState<ReadonlySet<ActivityFilterKey>>(new Set());
  const types = typesFor(pressed);
  const feed = useInfiniteQuery(
    trpc.activity.list.infiniteQueryOptions(
      { groupId, ...(types && { types }) },
      {
        getNextPageParam: (page) => page.nextCursor,
        // As placeholder, not initialData: its null page parameter would be sent as a cursor.
        ...(!types && initialPage && { placeholderData: { pages: [initialPage], pageParams: [null] } }),
      },
    ),
  );
  useActivityLive(groupId);

  const toggle = (key: ActivityFilterKey) =>
    setPressed((previous) => {
      const next = new Set(previous);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  const items = feed.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <section aria-labelledby="activity-heading" className="flex flex-col gap-4">
      <h2 id="activity-heading" className="text-2xl font-bold">
        Activity
      </h2>
      {!seesEverything && <p className="text-muted">You see what happens in the discussions and documents you were invited to.</p>}
      {seesDrafts && <p className="text-muted">Drafts in the library show here for admins only.</p>}

      <div className="flex flex-wrap items-center gap-2">
        <div role="group" aria-label="Show only" className="flex flex-wrap gap-2">
          {ACTIVITY_FILTERS.filter((filter) => filters.includes(filter.key)).map((filter) => (
            <button
              key={filter.key}
              type="button"
              aria-pressed={pressed.has(filter.key)}
              onClick={() => toggle(filter.key)}
              className={cn(
                "min-h-10 rounded-full border px-4 font-semibold",
                pressed.has(filter.key) ? "border-ember-700 bg-ember-700 text-white" : "border-line bg-card text-ink hover:bg-ember-50",
              )}
            >
              {filter.label}
            </button>
          ))}
        </div>
        {pressed.size > 0 && (
          <Button variant="ghost" onClick={() => setPressed(new Set())} className="min-h-10 px-2">
            <X aria-hidden="true" className="size-4" /> Show everything
          </Button>
        )}
      </div>

      {feed.error && <Alert>{errorMessage(feed.error)}</Alert>}
      {feed.isPending && <p className="text-muted">Loading activity…</p>}
      {feed.isSuccess && items.length === 0 && (
        <p className="text-muted">
          {pressed.size > 0
            ? "Nothing of that kind has happened yet."
            : seesEverything
              ? "Nothing has happened here yet. New threads, decisions, resources and meetings will show up here."
              : "Nothing to show yet."}
        </p>
      )}
      <ul aria-label="Activity" className="flex flex-col gap-3">
        {items.map((item) => (
          <ActivityEntry key={`${item.type}-${item.id}`} item={item} />
        ))}
      </ul>
      {feed.hasNextPage && (
        <Button variant="secondary" onClick={() => void feed.fetchNextPage()} disabled={feed.isFetchingNextPage}>
          {feed.isFetchingNextPage ? "Loading…" : "Load more"}
        </Button>
      )}
    </section>
  );
}
