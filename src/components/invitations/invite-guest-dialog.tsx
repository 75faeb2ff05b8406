"use client";

import { useMutation } from "@tanstack/react-query";
import { UserPlus } from "lucide-react";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CopyField } from "@/components/ui/copy-field";
import { Dialog } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/text-field";
import { isEmailAddress, parseEmailList } from "@/lib/email-list";
import { errorMessage } from "@/lib/trpc/error-message";
import { useTRPC } from "@/lib/trpc/client";

/** The one thread or document a guest is invited to: a guest sees nothing else of the group's. */
export type GuestInvitationTarget = { threadId: string } | { documentId: string };

/**
 * Invites people as guests of the group to one thread or one document, and gives the inviter
 * each link to copy, since without email set up the links are the only way in.
 */
export function InviteGuestDialog({
  groupId,
  target,
  title,
  description,
  triggerLabel,
}: {
  groupId: string;
  target: GuestInvitationTarget;
  title: string;
  description: string;
  triggerLabel: string;
}) {
  const trpc = useTRPC();
  const [emails, setEmails] = useState("");
  const invite = useMutation(
    trpc.invitation.create.mutationOptions({
      // Mistyped addresses stay for correcting; everyone else has been dealt with.
      onSuccess: (result) => setEmails(result.skipped.filter(({ email }) => !isEmailAddress(email)).map(({ email }) => email).join(", ")),
    }),
  );
  const result = invite.data;

  return (
    <Dialog
      title={title}
      description={description}
      trigger={
        <Button variant="secondary">
          <UserPlus aria-hidden="true" className="size-4" /> {triggerLabel}
        </Button>
      }
      onOpenChange={(open) => {
        if (!open) invite.reset();
      }}
    >
      <form
        className="flex flex-col gap-4"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          invite.mutate({ groupId, ...target, role: "guest", emails: parseEmailList(emails) });
        }}
      >
        <TextField
          label="Email addresses"
          hint="Separate several with commas."
          type="text"
          inputMode="email"
          autoComplete="off"
          value={emails}
          onChange={(event) => setEmails(event.target.value)}
        />
        {invite.error && <Alert>{errorMessage(invite.error)}</Alert>}
        {result && (
          <div role="status" className="flex flex-col gap-3">
            {result.invitations.length > 0 && (
              <p>
                {result.emailSent
                  ? "Each person has been sent their link by email. You can also copy it here."
                  : "Email is not set up on this server: send these links yourself."}
              </p>
            )}
            {result.invitations.map((invitation) => (
              <CopyField
                key={invitation.id}
                value={invitation.link}
                label={`Invitation link for ${invitation.email}`}
                hint={`Invited ${invitation.email}.`}
                noun="link"
              />
            ))}
            {result.skipped.length > 0 && <p>Not sent: {result.skipped.map(({ email, reason }) => `${email} (${reason})`).join(", ")}.</p>}
          </div>
        )}
        <Button type="submit" disabled={invite.isPending || !emails.trim()}>
          {invite.isPending ? "Inviting…" : "Send the invitation"}
        </Button>
      </form>
    </Dialog>
  );
}
