"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { errorMessage } from "@/lib/trpc/error-message";
import { useTRPC } from "@/lib/trpc/client";
import { PendingInvitationRow } from "@/app/groups/[handle]/invitations/_components/pending-invitation-row";

export function PendingInvitations({ groupId }: { groupId: string }) {
  const trpc = useTRPC();
  const query = useInfiniteQuery(
    trpc.invitation.list.infiniteQueryOptions({ groupId }, { getNextPageParam: (page) => page.nextCursor ?? undefined }),
  );
  const invitations = query.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <section aria-labelledby="pending-heading">
      <h2 id="pending-heading" className="mb-4 text-2xl font-bold">
        Pending invitations
      </h2>
      {query.error && <Alert>{errorMessage(query.error)}</Alert>}
      {query.isPending && <p className="text-muted">Loading invitations…</p>}
      {query.isSuccess && invitations.length === 0 && (
        <Card>
          <p>No invitations are waiting for an answer.</p>
        </Card>
      )}
      {invitations.length > 0 && (
        <ul className="flex flex-col gap-4" aria-label="Pending invitations">
          {invitations.map((invitation) => (
            <PendingInvitationRow key={invitation.id} invitation={invitation} />
          ))}
        </ul>
      )}
      {query.hasNextPage && (
        <Button variant="secondary" className="mt-4" onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage}>
          {query.isFetchingNextPage ? "Loading…" : "Load more"}
        </Button>
      )}
    </section>
  );
}
