"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { Dialog, DialogClose } from "@/components/ui/dialog";
import { LocalTime } from "@/components/ui/local-time";
import { errorMessage } from "@/lib/trpc/error-message";
import { useTRPC, type RouterOutputs } from "@/lib/trpc/client";
import { CopyLink } from "@/app/groups/[handle]/invitations/_components/copy-link";
import { ROLE_LABELS } from "@/app/groups/[handle]/invitations/_components/role-labels";

type Invitation = RouterOutputs["invitation"]["list"]["items"][number];

/** The email's real state in the outbox: "sent" only once the mail server took it. */
const DELIVERY_LABELS: Record<Invitation["delivery"], string> = {
  queued: "Email waiting to be sent",
  sent: "Email sent",
  failed: "Email could not be sent",
  none: "No email sent: pass the link on yourself",
};

export function PendingInvitationRow({ invitation }: { invitation: Invitation }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const refreshList = () => queryClient.invalidateQueries({ queryKey: trpc.invitation.list.pathKey() });
  const resend = useMutation(trpc.invitation.resend.mutationOptions({ onSuccess: () => void refreshList() }));
  const revoke = useMutation(
    trpc.invitation.revoke.mutationOptions({
      onSuccess: () => {
        setConfirming(false);
        void refreshList();
      },
    }),
  );
  const expired = invitation.status === "expired";

  return (
    <li>
      <Card>
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h3 className="text-lg font-semibold break-all">{invitation.email}</h3>
          <span
            className={cn(
              "rounded-full px-3 py-0.5 text-sm font-semibold",
              expired ? "bg-red-50 text-danger" : "bg-ember-100 text-ember-800",
            )}
          >
            {expired ? "Expired" : "Pending"}
          </span>
        </div>
        <p className="mt-1 text-sm text-muted">
          {ROLE_LABELS[invitation.role]} · invited by {invitation.invitedBy.name} on <LocalTime date={invitation.createdAt} /> ·{" "}
          {DELIVERY_LABELS[invitation.delivery]}
          {invitation.delivery !== "none" && (
            <>
              {" "}
              (<LocalTime date={invitation.lastSentAt} />)
            </>
          )}
          {invitation.sentCount > 1 && `, link renewed ${invitation.sentCount - 1} ${invitation.sentCount === 2 ? "time" : "times"}`} ·{" "}
          {expired ? "expired" : "expires"} on <LocalTime date={invitation.expiresAt} />
        </p>
        {(resend.error || revoke.error) && (
          <div className="mt-3">
            <Alert>{errorMessage(resend.error ?? revoke.error)}</Alert>
          </div>
        )}
        {resend.data && (
          <div className="mt-3">
            <p className="mb-1">
              {resend.data.emailSent
                ? "Sent again with a new link. The old link no longer works."
                : "New link made; the old one no longer works. Email is not set up on this server: send this link yourself."}
            </p>
            <CopyLink link={resend.data.link} label={`New invitation link for ${invitation.email}`} />
          </div>
        )}
        <div className="mt-3 flex flex-wrap gap-2">
          <Button variant="secondary" onClick={() => resend.mutate({ id: invitation.id })} disabled={resend.isPending}>
            {resend.isPending ? "Resending…" : "Resend"}
          </Button>
          <Dialog
            open={confirming}
            onOpenChange={setConfirming}
            title="Revoke this invitation?"
            description={`The link sent to ${invitation.email} will stop working. You can invite them again later.`}
            trigger={<Button variant="ghost">Revoke</Button>}
          >
            {revoke.error && <Alert>{errorMessage(revoke.error)}</Alert>}
            <div className="mt-4 flex flex-wrap justify-end gap-2">
              <DialogClose asChild>
                <Button variant="secondary">Keep it</Button>
              </DialogClose>
              <Button onClick={() => revoke.mutate({ id: invitation.id })} disabled={revoke.isPending}>
                {revoke.isPending ? "Revoking…" : "Revoke invitation"}
              </Button>
            </div>
          </Dialog>
        </div>
      </Card>
    </li>
  );
}
