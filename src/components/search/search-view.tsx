"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { OrderToggle } from "@/components/search/order-toggle";
import { SearchFilters } from "@/components/search/search-filters";
import { SearchHelp } from "@/components/search/search-help";
import { SearchInput } from "@/components/search/search-input";
import { orderOf, searchHref, statusOf, withOrder, withStatus, type SearchState } from "@/components/search/search-query";
import { SearchResultItem, type SearchResult } from "@/components/search/search-result-item";
import { useSlashShortcut } from "@/components/search/slash-shortcut";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { errorMessage } from "@/lib/trpc/error-message";
import { useTRPC } from "@/lib/trpc/client";

type GroupRef = { id: string; name: string; handle: string };

/**
 * The page's own box, which "/" focuses here (the header's gives way on this page). It shows the
 * query in the address, also when a chip changed it, and keeps focus across searches.
 */
function SearchBox({ initial, onSearch }: { initial: string; onSearch: (q: string) => void }) {
  const [text, setText] = useState(initial);
  const [shown, setShown] = useState(initial);
  if (shown !== initial) {
    setShown(initial);
    setText(initial);
  }
  const input = useRef<HTMLInputElement>(null);
  const focus = useCallback(() => input.current?.focus(), []);
  useSlashShortcut(focus);
  useEffect(() => {
    // An empty search page is there to be typed into.
    if (initial === "") input.current?.focus();
  }, [initial]);
  return (
    <form
      role="search"
      aria-label="Hearth"
      onSubmit={(event) => {
        event.preventDefault();
        onSearch(text);
      }}
      className="flex gap-2"
    >
      <SearchInput ref={input} value={text} onChange={setText} placeholder="Search threads, comments, decisions, people…" />
      <Button type="submit">Search</Button>
    </form>
  );
}

/** Best first on SQLite, a write between two pages can move a result across them: it is listed once. */
function eachOnce(results: SearchResult[]): SearchResult[] {
  const seen = new Set<string>();
  return results.filter((result) => {
    const key = `${result.type}-${result.id}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const plural = (count: number) => `${count} ${count === 1 ? "result" : "results"}`;

/**
 * The search page: the box, the filters as chips, and the results as one list, newest or best
 * first as the server orders them, each labelled with its kind. The address holds the search, so
 * it can be shared, and Back steps through the searches made.
 */
export function SearchView({ state, groups }: { state: SearchState; groups: GroupRef[] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const q = state.q.trim();
  // The group the page opened narrowed to stays on offer as a chip once widened.
  const [narrowedTo] = useState(() => groups.find((group) => group.id === state.groupId) ?? null);
  const groupName = (id: string) => groups.find((group) => group.id === id)?.name;
  const change = (next: Partial<SearchState>) => router.push(searchHref({ ...state, ...next }), { scroll: false });

  const search = useInfiniteQuery(
    trpc.search.query.infiniteQueryOptions(
      { q, ...(state.groupId && { groupId: state.groupId }), ...(state.types.length > 0 && { types: state.types }) },
      { getNextPageParam: (page) => page.nextCursor, enabled: q !== "" },
    ),
  );
  const results = eachOnce(search.data?.pages.flatMap((page) => page.results) ?? []);
  const ignored = search.data?.pages[0]?.ignored ?? [];
  const filtered = state.types.length > 0 || state.groupId !== null || statusOf(q) !== null;

  let count = "";
  if (q !== "" && search.isPending) count = "Searching…";
  else if (search.isSuccess) count = search.hasNextPage ? `${plural(results.length)} so far, more below` : plural(results.length);

  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-3xl font-bold">Search</h1>
      <SearchBox initial={state.q} onSearch={(text) => change({ q: text })} />
      <SearchFilters state={state} group={narrowedTo} onChange={change} />
      {/* Always in the page, so that screen readers announce each new count. */}
      <div className="flex flex-wrap items-baseline justify-between gap-x-4">
        {q !== "" && (
          <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
            <h2 className="text-xl font-bold">All results, {orderOf(q) === "best" ? "best first" : "newest first"}</h2>
            <OrderToggle order={orderOf(q)} onChange={(order) => change({ q: withOrder(state.q, order) })} />
          </div>
        )}
        <p role="status" aria-live="polite" data-testid="search-count" className="text-muted">
          {count}
        </p>
      </div>

      {q === "" ? (
        <section aria-labelledby="search-help-heading" className="flex flex-col gap-3">
          <p className="text-lg">
            Type to search threads, comments, decisions, outcomes, resources (with the words inside their PDF, Word, OpenDocument and text
            files), meetings, documents and their named versions, and people.
          </p>
          <h2 id="search-help-heading" className="text-xl font-bold">
            Narrowing it down
          </h2>
          <p className="text-muted">Add any of these to the words you look for:</p>
          <SearchHelp groupHandle={groups[0]?.handle} />
          <p className="text-muted">
            Press <kbd className="rounded border border-line px-1.5">/</kbd> on any page to search from there.
          </p>
        </section>
      ) : (
        <div className="flex flex-col gap-4">
          {ignored.length > 0 && (
            <div className="flex flex-wrap items-center gap-2">
              {ignored.map((operator, index) => (
                <span key={`${index}-${operator}`} className="rounded-full border border-dashed border-muted px-3 py-0.5 text-sm">
                  Ignored: {operator}
                </span>
              ))}
              <span className="text-sm text-muted">
                Hearth does not know {ignored.length === 1 ? "this filter and left it out." : "these filters and left them out."}
              </span>
            </div>
          )}

          {search.error && <Alert>{errorMessage(search.error)}</Alert>}

          {search.isSuccess && results.length === 0 && (
            <div className="flex flex-col gap-2 rounded-xl border border-line bg-card p-5">
              <p className="text-lg font-semibold">Nothing found for “{q}”.</p>
              <ul className="list-disc pl-6 text-muted">
                <li>Check the spelling, or try fewer or other words.</li>
                <li>Search finds only what you may see: the groups you belong to, or what you were invited to.</li>
                {filtered && <li>The filters may leave out what you are looking for.</li>}
              </ul>
              {filtered && (
                <Button variant="secondary" className="self-start" onClick={() => change({ q: withStatus(q, null), types: [], groupId: null })}>
                  Remove the filters
                </Button>
              )}
            </div>
          )}

          {results.length > 0 && (
            <ul aria-label="Search results" className="flex flex-col gap-3">
              {results.map((result) => (
                <SearchResultItem key={`${result.type}-${result.id}`} result={result} groupName={groupName(result.groupId)} />
              ))}
            </ul>
          )}

          {search.hasNextPage && (
            <Button variant="secondary" onClick={() => void search.fetchNextPage()} disabled={search.isFetchingNextPage}>
              {search.isFetchingNextPage ? "Loading…" : "Load more results"}
            </Button>
          )}

          <details className="rounded-xl border border-line bg-card p-4">
            <summary className="cursor-pointer font-semibold">How to narrow a search</summary>
            <div className="mt-3">
              <SearchHelp groupHandle={groups[0]?.handle} />
            </div>
          </details>
        </div>
      )}
    </div>
  );
}
