"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose } from "@/components/ui/dialog";
import { useTRPC, type RouterOutputs } from "@/lib/trpc/client";
import { errorMessage } from "@/lib/trpc/error-message";

type Result = RouterOutputs["member"]["sendClaimLinks"];

const people = (count: number) => `${count} ${count === 1 ? "person" : "people"}`;

/** What happened to a request for links: who was sent one, and who was not and why. */
export function ClaimLinksResult({ result }: { result: Result }) {
  return (
    <Alert tone="info">
      {result.sent.length > 0
        ? `A sign-in link is on its way to ${result.sent.length === 1 ? result.sent[0]!.name : people(result.sent.length)}.`
        : "No link was sent."}
      {result.sent.length > 0 && !result.emailSent && " Email is not set up yet, so it waits in the email outbox."}
      {result.skipped.length > 0 && (
        <ul className="mt-2 list-disc pl-6">
          {result.skipped.map((person) => (
            <li key={person.userId}>
              {person.name ? `${person.name}: ` : ""}
              {person.reason}
            </li>
          ))}
        </ul>
      )}
    </Alert>
  );
}

/**
 * For the group's admins after an import: how many members have not signed in yet, and one
 * button to email each of them a link to choose a password. Nothing is sent until they press it.
 */
export function ClaimLinksPanel({ groupId }: { groupId: string }) {
  const trpc = useTRPC();
  const [confirming, setConfirming] = useState(false);
  const unclaimed = useQuery(trpc.member.unclaimedCount.queryOptions({ groupId }));
  const send = useMutation(trpc.member.sendClaimLinks.mutationOptions({ onSuccess: () => setConfirming(false) }));
  const count = unclaimed.data?.count ?? 0;
  if (count === 0 && !send.data) return null;

  return (
    <section aria-labelledby="claim-links-heading" className="mb-6 flex flex-col gap-3 rounded-xl border border-line bg-ember-50 p-4">
      <h2 id="claim-links-heading" className="text-lg font-semibold">
        {people(count)} {count === 1 ? "has" : "have"} not signed in yet
      </h2>
      <p>
        They came in with an import and have no password yet. Hearth emails them nothing on its own: when you are ready, send
        each a link to choose a password (it works once, for 7 days).
      </p>
      {count > 0 && (
        <Dialog
          open={confirming}
          onOpenChange={(next) => {
            setConfirming(next);
            if (!next) send.reset();
          }}
          title={`Email a sign-in link to ${people(count)}?`}
          description="Each gets an email from Hearth with a link to choose a password. People who already have three unused links are skipped."
          trigger={<Button variant="secondary">Send sign-in links to everyone not signed in yet</Button>}
        >
          <div className="flex flex-col gap-4">
            {send.error && <Alert>{errorMessage(send.error)}</Alert>}
            <div className="flex flex-wrap justify-end gap-2">
              <DialogClose asChild>
                <Button variant="secondary">Cancel</Button>
              </DialogClose>
              <Button disabled={send.isPending} onClick={() => send.mutate({ groupId })}>
                {send.isPending ? "Sending…" : "Send links"}
              </Button>
            </div>
          </div>
        </Dialog>
      )}
      {send.data && <ClaimLinksResult result={send.data} />}
    </section>
  );
}
