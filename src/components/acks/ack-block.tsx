"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { CheckCircle2, ClipboardCheck } from "lucide-react";
import { useEffect, useId, useRef } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import { useRefetchOnEvent } from "@/lib/realtime/use-refetch-on-event";
import { errorMessage } from "@/lib/trpc/error-message";
import { useTRPC, type RouterOutputs } from "@/lib/trpc/client";

type AckStatus = RouterOutputs["ack"]["status"];
type AckKind = "outcome" | "document_version" | "minutes";

const NOUN: Record<AckKind, string> = { outcome: "this outcome", document_version: "this version", minutes: "these minutes" };

function PeopleList({ people, empty, labelledBy }: { people: { id: string; name: string }[]; empty: string; labelledBy: string }) {
  if (people.length === 0) return <p className="text-sm text-muted">{empty}</p>;
  return (
    <ul aria-labelledby={labelledBy} className="flex max-h-64 flex-col gap-1 overflow-y-auto text-sm">
      {people.map(({ id, name }) => (
        <li key={id}>{name}</li>
      ))}
    </ul>
  );
}

/** "7 of 12 acknowledged", with the names of those who have in a popover for members and admins. */
function AckCount({ status }: { status: AckStatus }) {
  const headingId = useId();
  const label = `${status.acknowledged} of ${status.of} acknowledged`;
  if (!status.acknowledgedBy) {
    return (
      <p data-testid="ack-count" className="flex min-h-11 items-center gap-2 text-sm font-semibold">
        <ClipboardCheck aria-hidden="true" className="size-4" /> {label}
      </p>
    );
  }
  return (
    <Popover>
      <PopoverTrigger
        data-testid="ack-count"
        className="inline-flex min-h-11 items-center gap-2 rounded-lg px-2 text-sm font-semibold hover:bg-ember-50"
      >
        <ClipboardCheck aria-hidden="true" className="size-4" /> {label}
      </PopoverTrigger>
      <PopoverContent aria-labelledby={headingId} align="start" className="w-[min(20rem,calc(100vw-1rem))] p-4">
        <h2 id={headingId} className="mb-2 text-base font-bold">
          Acknowledged
        </h2>
        <PeopleList people={status.acknowledgedBy} empty="Nobody has acknowledged it yet." labelledBy={headingId} />
      </PopoverContent>
    </Popover>
  );
}

/**
 * "Please acknowledge" for an outcome, an adopted document version or minutes: admins ask, and
 * see who has not; members and admins press "I have read this"; everyone who sees the item sees
 * the count. Kept live by `ack.changed`; `itemVersion` changes when the item's text may have
 * changed (the parent refetched it), so the status is read again and an edit resets it at once.
 */
export function AckBlock({ kind, id, itemVersion }: { kind: AckKind; id: string; itemVersion: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const reportId = useId();
  const input = { kind, id };
  const { data: status, error } = useQuery(trpc.ack.status.queryOptions(input));
  useRefetchOnEvent("ack.changed", "id", id, [trpc.ack.status.queryFilter(input)]);
  const seenVersion = useRef(itemVersion);
  useEffect(() => {
    if (seenVersion.current === itemVersion) return;
    seenVersion.current = itemVersion;
    void queryClient.invalidateQueries(trpc.ack.status.queryFilter({ kind, id }));
  }, [itemVersion, queryClient, trpc, kind, id]);
  const store = (fresh: AckStatus) => queryClient.setQueryData(trpc.ack.status.queryKey(input), fresh);
  const ask = useMutation(trpc.ack.request.mutationOptions({ onSuccess: store }));
  const confirm = useMutation(trpc.ack.confirm.mutationOptions({ onSuccess: store }));
  const failure = ask.error ?? confirm.error ?? error;

  if (!status) return failure ? <Alert>{errorMessage(failure)}</Alert> : null;
  if (!status.requested && !status.canRequest) return null;
  return (
    <div data-testid="ack-block" className="flex flex-col gap-2 border-t border-line pt-3">
      {failure && <Alert>{errorMessage(failure)}</Alert>}
      {!status.requested ? (
        <div className="flex flex-wrap items-center gap-3">
          <Button variant="secondary" onClick={() => ask.mutate(input)} disabled={ask.isPending}>
            Please acknowledge
          </Button>
          <p className="text-sm text-muted">Asks the group’s members and admins to confirm they have read {NOUN[kind]}.</p>
        </div>
      ) : (
        <>
          <div className="flex flex-wrap items-center gap-3">
            <AckCount status={status} />
            {status.canConfirm &&
              (status.mine ? (
                <p data-testid="ack-mine" className="flex min-h-11 items-center gap-2 font-semibold text-live">
                  <CheckCircle2 aria-hidden="true" className="size-5" /> Acknowledged ✓
                </p>
              ) : (
                <Button onClick={() => confirm.mutate(input)} disabled={confirm.isPending}>
                  I have read this
                </Button>
              ))}
          </div>
          {status.changedSinceRequest && (
            <p className="text-sm text-muted">It has changed since some people acknowledged it; they have been asked to read it again.</p>
          )}
          {status.pending && (
            <section aria-labelledby={reportId} data-testid="ack-pending" className="flex flex-col gap-1">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <h3 id={reportId} className="text-sm font-bold">
                  Not yet acknowledged ({status.pending.length})
                </h3>
                {status.pending.length > 0 && status.canRequest && (
                  <Button variant="ghost" onClick={() => ask.mutate(input)} disabled={ask.isPending}>
                    Ask them again
                  </Button>
                )}
              </div>
              <PeopleList people={status.pending} empty="Everyone has acknowledged it." labelledBy={reportId} />
              <p className="text-xs text-muted">Only admins see this list. Hearth reminds them every three days for a month.</p>
            </section>
          )}
        </>
      )}
    </div>
  );
}
