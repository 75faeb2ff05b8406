"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Logo } from "@/components/ui/logo";
import { TextField } from "@/components/ui/text-field";
import { formatDate } from "@/lib/dates";
import { errorMessage } from "@/lib/trpc/error-message";
import { useTRPC, type RouterOutputs } from "@/lib/trpc/client";

type Pending = NonNullable<RouterOutputs["charter"]["get"]["pending"]>[number];

/** Today in the reader's time zone, as a date field holds it. */
function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
}

function PendingRow({ request }: { request: Pending }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [signedOn, setSignedOn] = useState(today);
  const decide = useMutation(
    trpc.charter.approveSignature.mutationOptions({
      onSettled: () => void queryClient.invalidateQueries(trpc.charter.get.pathFilter()),
    }),
  );
  const name = request.organisation.name;
  return (
    <li className="flex flex-col gap-3 rounded-lg border border-line p-3">
      <div className="flex items-center gap-3">
        <Logo url={request.organisation.logoUrl} />
        <div className="min-w-0">
          <p className="font-semibold break-words">{name}</p>
          <p className="text-sm text-muted">
            Asked by {request.requestedBy?.name ?? "someone who has left"} on <time dateTime={request.requestedAt.toISOString()}>{formatDate(request.requestedAt)}</time>
          </p>
        </div>
      </div>
      <div className="flex flex-wrap items-end gap-2">
        <TextField label={`${name} signed on`} type="date" value={signedOn} max={today()} onChange={(event) => setSignedOn(event.target.value)} />
        <Button disabled={decide.isPending || !signedOn} onClick={() => decide.mutate({ signatureId: request.id, approve: true, signedOn })}>
          Approve
        </Button>
        <Button variant="secondary" disabled={decide.isPending} onClick={() => decide.mutate({ signatureId: request.id, approve: false })}>
          Decline
        </Button>
      </div>
      {decide.error && <Alert>{errorMessage(decide.error)}</Alert>}
    </li>
  );
}

/** Organisations waiting for an admin to approve or decline their signature, oldest first. */
export function PendingSignatures({ pending }: { pending: Pending[] }) {
  if (pending.length === 0) return <p className="text-muted">No organisation is waiting to sign.</p>;
  return (
    <ul className="flex flex-col gap-3" aria-label="Requests to sign">
      {pending.map((request) => (
        <PendingRow key={request.id} request={request} />
      ))}
    </ul>
  );
}
