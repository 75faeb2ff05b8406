"use client";

import { useMutation } from "@tanstack/react-query";
import { UserPlus } from "lucide-react";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/text-field";
import { errorMessage } from "@/lib/trpc/error-message";
import { useTRPC } from "@/lib/trpc/client";

/**
 * Invites stakeholders to read this one document as guests of the group: they see it (and
 * nothing else of the group's documents) and cannot change it.
 */
export function InviteReaderDialog({ groupId, documentId }: { groupId: string; documentId: string }) {
  const trpc = useTRPC();
  const [emails, setEmails] = useState("");
  const invite = useMutation(trpc.invitation.create.mutationOptions({ onSuccess: () => setEmails("") }));
  const result = invite.data;

  return (
    <Dialog
      title="Invite someone to read this document"
      description="They join the group as a guest who can read this document, and only this one. They cannot change it."
      trigger={
        <Button variant="secondary">
          <UserPlus aria-hidden="true" className="size-4" /> Invite a reader
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
          const list = emails.split(/[\s,;]+/).filter(Boolean);
          invite.mutate({ groupId, documentId, role: "guest", emails: list });
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
          <div role="status" className="flex flex-col gap-2">
            {result.invitations.map((invitation) => (
              <p key={invitation.id} className="break-words">
                Invited {invitation.email}.
                {!result.emailSent && (
                  <>
                    {" "}
                    Email is not set up, so pass this link on yourself: <span className="font-mono text-sm">{invitation.link}</span>
                  </>
                )}
              </p>
            ))}
            {result.skipped.map(({ email, reason }) => (
              <p key={email}>
                Skipped {email}: {reason}.
              </p>
            ))}
          </div>
        )}
        <Button type="submit" disabled={invite.isPending || !emails.trim()}>
          {invite.isPending ? "Inviting…" : "Send the invitation"}
        </Button>
      </form>
    </Dialog>
  );
}
