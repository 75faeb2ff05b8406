"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Lock } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { errorMessage } from "@/lib/trpc/error-message";
import { useTRPC, type RouterOutputs } from "@/lib/trpc/client";

type ThreadDetail = RouterOutputs["thread"]["byId"];

/** Stands in for the comment box while a thread is closed; admins can reopen it from here. */
export function ClosedNotice({ thread }: { thread: ThreadDetail }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const reopen = useMutation(
    trpc.thread.reopen.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.thread.byId.queryKey({ id: thread.id }) }),
    }),
  );
  return (
    <div className="flex flex-col gap-3">
      <p className="flex items-center gap-2 font-semibold">
        <Lock aria-hidden="true" className="size-5 text-ember-700" />
        This thread is closed, so it takes no new comments.
      </p>
      {thread.viewer.canModerate && (
        <div>
          <Button variant="secondary" onClick={() => reopen.mutate({ id: thread.id })} disabled={reopen.isPending}>
            Reopen thread
          </Button>
        </div>
      )}
      {reopen.error && <Alert>{errorMessage(reopen.error)}</Alert>}
    </div>
  );
}
