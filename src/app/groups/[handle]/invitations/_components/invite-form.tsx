"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/select-field";
import { TextareaField } from "@/components/ui/textarea-field";
import { isEmailAddress, MAX_INVITES_AT_ONCE, parseEmailList } from "@/lib/email-list";
import { errorMessage, fieldErrors } from "@/lib/trpc/error-message";
import { useTRPC, type RouterOutputs } from "@/lib/trpc/client";
import { GuestTargetPicker, guestTargetOf } from "@/app/groups/[handle]/invitations/_components/guest-target-picker";
import { ROLE_HINTS, ROLE_LABELS } from "@/app/groups/[handle]/invitations/_components/role-labels";

type Role = RouterOutputs["invitation"]["assignableRoles"][number];
type Result = RouterOutputs["invitation"]["create"];

/** Addresses pasted as a list are split here, and the server checks them again. */
export function InviteForm({ groupId, roles, onCreated }: { groupId: string; roles: Role[]; onCreated: (result: Result) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [emailsText, setEmailsText] = useState("");
  const [role, setRole] = useState<Role>(roles.includes("member") ? "member" : roles[0]!);
  const [message, setMessage] = useState("");
  const [localError, setLocalError] = useState<string | null>(null);
  const [guestTarget, setGuestTarget] = useState("");
  const [targetError, setTargetError] = useState<string | null>(null);
  const create = useMutation(
    trpc.invitation.create.mutationOptions({
      onSuccess: (result) => {
        onCreated(result);
        // Mistyped addresses stay for correcting; everyone else has been dealt with.
        setEmailsText(result.skipped.filter(({ email }) => !isEmailAddress(email)).map(({ email }) => email).join("\n"));
        void queryClient.invalidateQueries({ queryKey: trpc.invitation.list.pathKey() });
      },
    }),
  );
  const errors = fieldErrors(create.error);
  const emails = parseEmailList(emailsText);
  const valid = emails.filter(isEmailAddress);
  const invalid = emails.filter((email) => !isEmailAddress(email));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (emails.length === 0) return setLocalError("Enter at least one email address.");
    if (emails.length > MAX_INVITES_AT_ONCE) {
      return setLocalError(`You can invite at most ${MAX_INVITES_AT_ONCE} people at once; this list has ${emails.length}.`);
    }
    setLocalError(null);
    const target = role === "guest" ? guestTargetOf(guestTarget) : undefined;
    if (role === "guest" && !target) {
      return setTargetError("Choose the discussion or document to invite the guest to: guests see only what they are invited to.");
    }
    setTargetError(null);
    create.mutate({ groupId, emails, role, message: message.trim() || undefined, ...target });
  }

  const emailsError = localError ?? errors?.emails?.[0];
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      {create.error && !errors && <Alert>{errorMessage(create.error)}</Alert>}
      <TextareaField
        label="Email addresses"
        name="emails"
        rows={4}
        value={emailsText}
        onChange={(event) => setEmailsText(event.target.value)}
        hint={`Paste or type addresses, separated by commas, spaces, semicolons or new lines (up to ${MAX_INVITES_AT_ONCE} at once).`}
        error={emailsError}
      />
      <p className="-mt-2 text-sm text-muted" aria-live="polite">
        {valid.length === 1 ? "1 address" : `${valid.length} addresses`}
        {invalid.length > 0 && ` · not an email address: ${invalid.join(", ")}`}
      </p>
      <SelectField
        label="Invite as"
        name="role"
        value={role}
        onChange={(event) => setRole(event.target.value as Role)}
        options={roles.map((value) => ({ value, label: ROLE_LABELS[value] }))}
        error={errors?.role?.[0]}
      />
      <p className="-mt-2 text-sm text-muted">{ROLE_HINTS[role]}</p>
      {role === "guest" && (
        <GuestTargetPicker
          groupId={groupId}
          value={guestTarget}
          onChange={(value) => {
            setGuestTarget(value);
            setTargetError(null);
          }}
          error={targetError ?? errors?.threadId?.[0] ?? errors?.documentId?.[0]}
        />
      )}
      <TextareaField
        label="Personal message (optional)"
        name="message"
        rows={3}
        value={message}
        onChange={(event) => setMessage(event.target.value)}
        hint="Included in the email, and shown on the invitation page."
        error={errors?.message?.[0]}
      />
      <Button type="submit" disabled={create.isPending} className="self-start">
        {create.isPending ? "Creating invitations…" : "Create invitations"}
      </Button>
    </form>
  );
}
