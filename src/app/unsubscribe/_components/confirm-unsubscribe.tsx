"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { errorMessage } from "@/lib/trpc/error-message";
import { useTRPC, type RouterOutputs } from "@/lib/trpc/client";

type State = RouterOutputs["unsubscribe"]["preview"];

/** Says exactly what stops, asks once, then says how to undo it. Works without signing in: the token is the proof. */
export function ConfirmUnsubscribe({ token, initial }: { token: string; initial: State }) {
  const trpc = useTRPC();
  const confirm = useMutation(trpc.unsubscribe.confirm.mutationOptions());
  const state = confirm.data ?? initial;
  const scope = state.group ? `about ${state.group.name}` : "about any of your groups";

  if (state.unsubscribed) {
    return (
      <Card>
        <p role="status" className="text-lg font-semibold">
          Done: Hearth no longer emails {state.email} {scope}.
        </p>
        <p className="mt-3">
          Notifications still appear in Hearth when you sign in. Changed your mind?{" "}
          <Link href="/settings/notifications" className="font-semibold text-ember-700 underline">
            Choose what Hearth emails you in your email settings
          </Link>
          .
        </p>
      </Card>
    );
  }
  return (
    <Card>
      <p>
        Hearth will stop sending <strong>{state.email}</strong> notification email {scope}
        {state.group ? ": mentions, replies, decisions and its daily digest" : ": your account setting and every group's setting become “Email me nothing”"}.
      </p>
      <p className="mt-3 text-muted">
        Notifications still appear in Hearth, and invitations and password resets are still emailed.
      </p>
      <div className="mt-5 flex flex-col items-start gap-3">
        <Button onClick={() => confirm.mutate({ token })} disabled={confirm.isPending}>
          {confirm.isPending ? "Unsubscribing…" : "Unsubscribe"}
        </Button>
        {confirm.error && <Alert>{errorMessage(confirm.error)}</Alert>}
      </div>
    </Card>
  );
}
