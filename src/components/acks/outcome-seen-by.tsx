"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Eye } from "lucide-react";
import { useEffect, useId } from "react";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import { useTRPC } from "@/lib/trpc/client";

/**
 * "Seen by 5 of 12" under an outcome: who has seen it as it reads now, out of everyone who can see
 * the poll. Showing the outcome stores this visit's view first (again whenever the outcome is
 * rewritten, `outcomeAt`), then the count loads. Names in a popover for members and admins.
 */
export function OutcomeSeenBy({ pollId, outcomeAt }: { pollId: string; outcomeAt: Date }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const headingId = useId();
  const at = outcomeAt.getTime();
  const mark = useMutation(
    trpc.outcome.markSeen.mutationOptions({
      onSettled: () => void queryClient.invalidateQueries(trpc.outcome.seenBy.queryFilter({ pollId })),
    }),
  );
  const { mutate } = mark;
  useEffect(() => mutate({ pollId }), [mutate, pollId, at]);
  const { data } = useQuery({ ...trpc.outcome.seenBy.queryOptions({ pollId }), enabled: !mark.isIdle && !mark.isPending });

  if (!data) return <div className="min-h-11" />;
  const label = `Seen by ${data.seen} of ${data.of}`;
  if (data.people === null) {
    return (
      <p data-testid="outcome-seen-by" className="flex min-h-11 items-center gap-2 text-sm text-muted">
        <Eye aria-hidden="true" className="size-4" /> {label}
      </p>
    );
  }
  return (
    <div data-testid="outcome-seen-by" className="flex min-h-11 items-center">
      <Popover>
        <PopoverTrigger className="inline-flex min-h-11 items-center gap-2 rounded-lg px-2 text-sm text-muted hover:bg-ember-50 hover:text-ink">
          <Eye aria-hidden="true" className="size-4" /> {label}
        </PopoverTrigger>
        <PopoverContent aria-labelledby={headingId} align="start" className="w-[min(20rem,calc(100vw-1rem))] p-4">
          <h2 id={headingId} className="text-base font-bold">
            Seen this outcome
          </h2>
          {data.people.length === 0 ? (
            <p className="mt-2 text-sm text-muted">Nobody has seen this outcome yet.</p>
          ) : (
            <ul aria-labelledby={headingId} className="mt-2 flex max-h-64 flex-col gap-1 overflow-y-auto text-sm">
              {data.people.map(({ id, name }) => (
                <li key={id}>{name}</li>
              ))}
            </ul>
          )}
          <p className="mt-3 text-sm text-muted">Only the group’s members and admins see these names. Guests see the numbers only.</p>
        </PopoverContent>
      </Popover>
    </div>
  );
}
