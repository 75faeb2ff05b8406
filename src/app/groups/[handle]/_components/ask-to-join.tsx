"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { TextareaField } from "@/components/ui/textarea-field";
import { errorMessage, fieldErrors } from "@/lib/trpc/error-message";
import { useTRPC } from "@/lib/trpc/client";

/** For a signed-in person outside the group: ask to join, or see where their request stands. */
export function AskToJoin({ groupId, groupName }: { groupId: string; groupName: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const mine = useQuery(trpc.membershipRequest.mine.queryOptions({ groupId }));
  const [askingAgain, setAskingAgain] = useState(false);
  const [introduction, setIntroduction] = useState("");
  const create = useMutation(
    trpc.membershipRequest.create.mutationOptions({
      onSuccess: (request) => {
        queryClient.setQueryData(trpc.membershipRequest.mine.queryKey({ groupId }), request);
        setAskingAgain(false);
        setIntroduction("");
      },
    }),
  );
  const errors = fieldErrors(create.error);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    create.mutate({ groupId, introduction: introduction.trim() || undefined });
  }

  if (mine.isPending) return <p className="text-muted">Loading…</p>;
  if (mine.error) return <Alert>{errorMessage(mine.error)}</Alert>;
  const request = mine.data;

  if (request?.status === "pending") {
    return (
      <Card role="status">
        <h2 className="text-xl font-semibold">Your request is waiting for an admin</h2>
        <p className="mt-2 text-muted">You asked to join {groupName}. You will get an email when an admin answers.</p>
      </Card>
    );
  }
  if (request?.status === "approved") {
    return (
      <Card role="status">
        <h2 className="text-xl font-semibold">Your request was approved</h2>
        <p className="mt-2">Reload the page to see {groupName}.</p>
      </Card>
    );
  }

  const declined = request?.status === "declined";
  return (
    <Card>
      {declined && (
        <div className="mb-4">
          <h2 className="text-xl font-semibold">Your request was not accepted</h2>
          {request.response && <p className="mt-2 whitespace-pre-line">“{request.response}”</p>}
          {!askingAgain && (
            <Button variant="secondary" className="mt-3" onClick={() => setAskingAgain(true)}>
              Ask again
            </Button>
          )}
        </div>
      )}
      {(!declined || askingAgain) && (
        <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
          {!declined && <h2 className="text-xl font-semibold">Ask to join {groupName}</h2>}
          <p className="text-muted">You are not a member of this group. An admin will read your request.</p>
          {create.error && !errors && <Alert>{errorMessage(create.error)}</Alert>}
          <TextareaField
            label="Introduce yourself (optional)"
            name="introduction"
            rows={3}
            value={introduction}
            onChange={(event) => setIntroduction(event.target.value)}
            hint="Who you are and why you would like to join."
            error={errors?.introduction?.[0]}
          />
          <Button type="submit" disabled={create.isPending} className="self-start">
            {create.isPending ? "Sending…" : "Ask to join"}
          </Button>
        </form>
      )}
    </Card>
  );
}
