"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { LocalTime } from "@/components/ui/local-time";
import { errorMessage } from "@/lib/trpc/error-message";
import { useTRPC, type RouterOutputs } from "@/lib/trpc/client";
import { PendingRequest } from "@/app/groups/[handle]/requests/_components/pending-request";

type Request = RouterOutputs["membershipRequest"]["list"]["items"][number];

function useRequests(groupId: string, status: "pending" | "decided") {
  const trpc = useTRPC();
  const query = useInfiniteQuery(
    trpc.membershipRequest.list.infiniteQueryOptions({ groupId, status }, { getNextPageParam: (page) => page.nextCursor ?? undefined }),
  );
  return { query, items: query.data?.pages.flatMap((page) => page.items) ?? [] };
}

export function RequestsPanel({ groupId }: { groupId: string }) {
  const pending = useRequests(groupId, "pending");
  const decided = useRequests(groupId, "decided");
  return (
    <div className="flex flex-col gap-10">
      <section aria-labelledby="pending-requests-heading">
        <h2 id="pending-requests-heading" className="mb-4 text-2xl font-bold">
          Asking to join
        </h2>
        {pending.query.error && <Alert>{errorMessage(pending.query.error)}</Alert>}
        {pending.query.isPending && <p className="text-muted">Loading requests…</p>}
        {pending.query.isSuccess && pending.items.length === 0 && (
          <Card>
            <p>Nobody is waiting for an answer.</p>
          </Card>
        )}
        <ul className="flex flex-col gap-4" aria-label="Requests waiting for an answer">
          {pending.items.map((request) => (
            <PendingRequest key={request.id} request={request} />
          ))}
        </ul>
        <LoadMore query={pending.query} />
      </section>
      <section aria-labelledby="decided-requests-heading">
        <h2 id="decided-requests-heading" className="mb-4 text-2xl font-bold">
          Answered
        </h2>
        {decided.query.isSuccess && decided.items.length === 0 && <p className="text-muted">No requests answered yet.</p>}
        <ul className="flex flex-col gap-3" aria-label="Answered requests">
          {decided.items.map((request) => (
            <DecidedRequest key={request.id} request={request} />
          ))}
        </ul>
        <LoadMore query={decided.query} />
      </section>
    </div>
  );
}

function LoadMore({ query }: { query: ReturnType<typeof useRequests>["query"] }) {
  if (!query.hasNextPage) return null;
  return (
    <Button variant="secondary" className="mt-4" onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage}>
      {query.isFetchingNextPage ? "Loading…" : "Load more"}
    </Button>
  );
}

function DecidedRequest({ request }: { request: Request }) {
  return (
    <li className="rounded-xl border border-line bg-card p-4">
      <p>
        <span className="font-semibold">{request.person.name}</span>{" "}
        <span className="text-muted break-all">({request.person.email})</span>:{" "}
        {request.status === "approved" ? "approved" : "declined"}
        {request.decidedBy && ` by ${request.decidedBy.name}`}
        {request.decidedAt && (
          <>
            {" "}
            on <LocalTime date={request.decidedAt} />
          </>
        )}
      </p>
      {request.response && <p className="mt-1 whitespace-pre-line text-muted">“{request.response}”</p>}
    </li>
  );
}
