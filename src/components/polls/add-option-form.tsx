"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { usePollRefresh } from "@/components/polls/use-poll-refresh";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { errorMessage, fieldErrors } from "@/lib/trpc/error-message";
import { useTRPC } from "@/lib/trpc/client";

/** Voters suggest another option on polls that allow it. */
export function AddOptionForm({ pollId }: { pollId: string }) {
  const trpc = useTRPC();
  const refresh = usePollRefresh(pollId);
  const [name, setName] = useState("");
  const add = useMutation(
    trpc.poll.addOption.mutationOptions({
      onSuccess: async () => {
        setName("");
        await refresh();
      },
    }),
  );
  const fields = fieldErrors(add.error);
  return (
    <form
      className="flex flex-col gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        add.mutate({ pollId, name });
      }}
    >
      <TextField label="Add an option" value={name} onChange={(event) => setName(event.target.value)} maxLength={200} error={fields?.name?.[0]} required />
      {add.error && !fields?.name && <Alert>{errorMessage(add.error)}</Alert>}
      <div>
        <Button type="submit" variant="secondary" disabled={add.isPending}>
          {add.isPending ? "Adding…" : "Add option"}
        </Button>
      </div>
    </form>
  );
}
