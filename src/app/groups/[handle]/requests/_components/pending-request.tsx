"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { LocalTime } from "@/components/ui/local-time";
import { TextareaField } from "@/components/ui/textarea-field";
import { errorMessage } from "@/lib/trpc/error-message";
import { useTRPC, type RouterOutputs } from "@/lib/trpc/client";

type Request = RouterOutputs["membershipRequest"]["list"]["items"][number];

export function PendingRequest({ request }: { request: Request }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [message, setMessage] = useState("");
  const options = { onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.membershipRequest.list.pathKey() }) };
  const approve = useMutation(trpc.membershipRequest.approve.mutationOptions(options));
  const decline = useMutation(trpc.membershipRequest.decline.mutationOptions(options));
  const busy = approve.isPending || decline.isPending;
  const input = { id: request.id, message: message.trim() || undefined };

  return (
    <li>
      <Card>
        <h3 className="text-lg font-semibold">{request.person.name}</h3>
        <p className="text-sm text-muted">
          <span className="break-all">{request.person.email}</span> · asked on <LocalTime date={request.createdAt} />
        </p>
        {request.introduction ? (
          <p className="mt-3 whitespace-pre-line">{request.introduction}</p>
        ) : (
          <p className="mt-3 text-muted">No introduction.</p>
        )}
        {(approve.error || decline.error) && (
          <div className="mt-3">
            <Alert>{errorMessage(approve.error ?? decline.error)}</Alert>
          </div>
        )}
        <div className="mt-4">
          <TextareaField
            label={`Message to ${request.person.name} (optional)`}
            rows={2}
            value={message}
            onChange={(event) => setMessage(event.target.value)}
            hint="Sent by email with your answer."
          />
        </div>
        <div className="mt-3 flex flex-wrap gap-2">
          <Button onClick={() => approve.mutate(input)} disabled={busy}>
            {approve.isPending ? "Approving…" : "Approve"}
          </Button>
          <Button variant="secondary" onClick={() => decline.mutate(input)} disabled={busy}>
            {decline.isPending ? "Declining…" : "Decline"}
          </Button>
        </div>
      </Card>
    </li>
  );
}
