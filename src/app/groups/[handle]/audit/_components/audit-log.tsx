"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { Download } from "lucide-react";
import Link from "next/link";
import { TimeAgo } from "@/components/threads/time-ago";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { LocalTime } from "@/components/ui/local-time";
import { errorMessage } from "@/lib/trpc/error-message";
import { useTRPC, type RouterOutputs } from "@/lib/trpc/client";

type Entry = RouterOutputs["audit"]["list"]["items"][number];

const LINK =
  "inline-flex min-h-11 items-center gap-2 self-start rounded-lg border border-line bg-card px-4 py-2 font-semibold hover:bg-ember-50";

/** The group's audit log for its admins, newest first, a page at a time, with the whole log as CSV. */
export function AuditLog({ group }: { group: { id: string; name: string; handle: string } }) {
  const trpc = useTRPC();
  const query = useInfiniteQuery(
    trpc.audit.list.infiniteQueryOptions({ groupId: group.id }, { getNextPageParam: (page) => page.nextCursor ?? undefined }),
  );
  const entries = query.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <section aria-labelledby="audit-heading" className="flex flex-col gap-4">
      <h2 id="audit-heading" className="text-2xl font-bold">
        Audit log
      </h2>
      <p className="max-w-2xl text-muted">
        What the admins of {group.name}, and Hearth itself, have done here: invitations, requests to join, roles,
        removals, guest access, threads pinned, closed and reopened, deletions, polls closed and reopened, downloads,
        imports and changes to settings. Only admins see this page, and
        nothing in it can be changed or removed.
      </p>
      {/* A plain link: the browser saves the file as it streams, or shows the server's sentence if it refuses. */}
      <a href={`/api/groups/${encodeURIComponent(group.handle)}/audit.csv`} className={LINK}>
        <Download aria-hidden="true" className="size-5" /> Download as CSV
      </a>
      {query.error && <Alert>{errorMessage(query.error)}</Alert>}
      {query.isPending && <p className="text-muted">Loading the audit log…</p>}
      {query.isSuccess && entries.length === 0 && (
        <Card>
          <p>Nothing has been recorded yet. When an admin invites someone, changes a role or a setting, removes someone or deletes something, it will be listed here.</p>
        </Card>
      )}
      {entries.length > 0 && (
        <ol className="flex flex-col gap-3" aria-label="Audit log entries">
          {entries.map((entry) => (
            <AuditEntryRow key={entry.id} entry={entry} />
          ))}
        </ol>
      )}
      {query.hasNextPage && (
        <Button variant="secondary" className="self-start" onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage}>
          {query.isFetchingNextPage ? "Loading…" : "Load more"}
        </Button>
      )}
    </section>
  );
}

function AuditEntryRow({ entry }: { entry: Entry }) {
  const rest = entry.sentence.startsWith(entry.actorName) ? entry.sentence.slice(entry.actorName.length) : null;
  return (
    <li className="rounded-xl border border-line bg-card p-4" data-testid="audit-entry">
      <p className="break-words">
        {rest === null ? (
          entry.sentence
        ) : (
          <>
            <strong>{entry.actorName}</strong>
            {rest}
          </>
        )}
      </p>
      <p className="mt-1 text-sm text-muted">
        <TimeAgo date={entry.createdAt} /> · <LocalTime date={entry.createdAt} withTime />
      </p>
      {entry.subject.url && (
        <Link href={entry.subject.url} className="mt-1 inline-flex min-h-11 items-center text-sm font-semibold underline">
          Open “{entry.subject.label}”
        </Link>
      )}
      {entry.changes.length > 0 && (
        <details className="mt-1">
          <summary className="flex min-h-11 cursor-pointer items-center text-sm font-semibold">Before and after</summary>
          <dl className="mt-1 flex flex-col gap-2">
            {entry.changes.map((change) => (
              <div key={change.field} className="rounded-lg border border-line p-3 text-sm">
                <dt className="font-semibold">{change.label}</dt>
                <dd className="break-words whitespace-pre-line">
                  <span className="text-muted">Before:</span> {change.before || "—"}
                </dd>
                <dd className="break-words whitespace-pre-line">
                  <span className="text-muted">After:</span> {change.after || "—"}
                </dd>
              </div>
            ))}
          </dl>
        </details>
      )}
    </li>
  );
}
