"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { useTRPC } from "@/lib/trpc/client";
import { errorMessage } from "@/lib/trpc/error-message";

type Thread = { id: string; title: string };

/**
 * The group's discussions (open and closed) to tick, page by page, with a filter on the titles
 * loaded. Those already linked stay listed first, so unticking them is always possible.
 */
export function ThreadChecklist({
  groupId,
  linked,
  value,
  onChange,
  error,
}: {
  groupId: string;
  linked: Thread[];
  value: string[];
  onChange: (ids: string[]) => void;
  error?: string;
}) {
  const trpc = useTRPC();
  const [filter, setFilter] = useState("");
  const threads = useInfiniteQuery(trpc.thread.list.infiniteQueryOptions({ groupId, status: "all" }, { getNextPageParam: (page) => page.nextCursor }));
  const loaded = threads.data?.pages.flatMap((page) => page.items) ?? [];
  const all = [...linked, ...loaded.filter((thread) => !linked.some(({ id }) => id === thread.id))];
  const words = filter.trim().toLowerCase();
  const shown = words ? all.filter((thread) => thread.title.toLowerCase().includes(words)) : all;
  const toggle = (id: string, on: boolean) => onChange(on ? [...value, id] : value.filter((each) => each !== id));

  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="font-semibold">Discussions about it</legend>
      <TextField label="Filter discussions" type="search" value={filter} onChange={(event) => setFilter(event.target.value)} />
      {threads.error && <Alert>{errorMessage(threads.error)}</Alert>}
      {error && <p className="text-sm font-medium text-danger">{error}</p>}
      {threads.isPending ? (
        <p className="text-sm text-muted">Loading…</p>
      ) : shown.length === 0 ? (
        <p className="text-sm text-muted">{all.length === 0 ? "This group has no discussions yet." : "No discussion matches."}</p>
      ) : (
        <ul className="flex max-h-56 flex-col gap-1 overflow-y-auto rounded-lg border border-line p-2">
          {shown.map((thread) => (
            <li key={thread.id}>
              <label className="flex min-h-11 items-center gap-3 rounded px-2 hover:bg-ember-50">
                <input
                  type="checkbox"
                  className="size-5 shrink-0 accent-ember-700"
                  checked={value.includes(thread.id)}
                  onChange={(event) => toggle(thread.id, event.target.checked)}
                />
                <span className="break-words">{thread.title}</span>
              </label>
            </li>
          ))}
        </ul>
      )}
      {threads.hasNextPage && (
        <Button variant="secondary" className="self-start" disabled={threads.isFetchingNextPage} onClick={() => void threads.fetchNextPage()}>
          {threads.isFetchingNextPage ? "Loading…" : "Show more discussions"}
        </Button>
      )}
    </fieldset>
  );
}
