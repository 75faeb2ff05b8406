import Link from "next/link";
import { HighlightedSnippet } from "@/components/search/highlighted-snippet";
import { TYPE_LABELS } from "@/components/search/search-query";
import { TimeAgo } from "@/components/threads/time-ago";
import type { RouterOutputs } from "@/lib/trpc/client";

export type SearchResult = RouterOutputs["search"]["query"]["results"][number];

/** One result: what kind of thing it is, where and when (for everything but people), its title linking to the exact place, and the matching words. */
export function SearchResultItem({ result, groupName }: { result: SearchResult; groupName: string | undefined }) {
  return (
    <li className="flex flex-col gap-1 rounded-xl border border-line bg-card p-4 shadow-sm">
      <p className="break-words text-sm text-muted">
        <span className="rounded-full bg-ember-50 px-2 font-semibold text-ember-800">{TYPE_LABELS[result.type].one}</span>
        {groupName && ` · in ${groupName}`}
        {/* A person's date would be when their account was made, which says nothing about what was searched for. */}
        {result.type !== "member" && (
          <>
            {" · "}
            <TimeAgo date={result.createdAt} />
          </>
        )}
      </p>
      <h3 className="break-words text-lg font-semibold">
        <Link href={result.url} className="text-ember-700 underline underline-offset-2 hover:text-ember-800">
          {result.title}
        </Link>
      </h3>
      {result.snippet && <HighlightedSnippet snippet={result.snippet} />}
    </li>
  );
}
