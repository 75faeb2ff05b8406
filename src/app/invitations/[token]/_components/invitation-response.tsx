"use client";

import { useMutation } from "@tanstack/react-query";
import { signIn } from "next-auth/react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { errorMessage, fieldErrors } from "@/lib/trpc/error-message";
import { useTRPC } from "@/lib/trpc/client";

type Props = {
  token: string;
  groupName: string;
  groupHandle: string;
  invitedEmail: string;
  accountExists: boolean;
  alreadyMember: boolean;
  me: { name: string; email: string } | null;
};

/** The one thing to do with a valid invitation: create an account, sign in first, or join as yourself. */
export function InvitationResponse(props: Props) {
  if (props.me && props.alreadyMember) {
    return (
      <Alert tone="info">
        You are already a member of {props.groupName}.{" "}
        <Link href={`/groups/${props.groupHandle}`} className="font-semibold text-ember-700 underline">
          Open the group
        </Link>
      </Alert>
    );
  }
  if (props.me) return <JoinAsMe {...props} me={props.me} />;
  if (props.accountExists) {
    return (
      <div className="flex flex-col gap-4">
        <p>
          You already have an account with {props.invitedEmail}. Sign in, and you will come back here to join.
        </p>
        <Link
          href={`/signin?next=${encodeURIComponent(`/invitations/${props.token}`)}`}
          className="inline-flex min-h-11 items-center justify-center rounded-lg bg-ember-700 px-4 py-2 font-semibold text-white hover:bg-ember-800"
        >
          Sign in to join
        </Link>
      </div>
    );
  }
  return <CreateAccountAndJoin {...props} />;
}

function useGoToGroup() {
  const router = useRouter();
  return (handle: string) => {
    router.replace(`/groups/${handle}`);
    router.refresh();
  };
}

function JoinAsMe({ token, groupName, invitedEmail, me }: Props & { me: NonNullable<Props["me"]> }) {
  const trpc = useTRPC();
  const goToGroup = useGoToGroup();
  const accept = useMutation(trpc.invitation.accept.mutationOptions({ onSuccess: (result) => goToGroup(result.group.handle) }));
  return (
    <div className="flex flex-col gap-4">
      {accept.error && <Alert>{errorMessage(accept.error)}</Alert>}
      {me.email !== invitedEmail && (
        <p className="text-muted">
          The invitation was sent to {invitedEmail}. You are signed in as {me.email}: you will join with this account.
        </p>
      )}
      <Button onClick={() => accept.mutate({ token })} disabled={accept.isPending || accept.isSuccess}>
        {accept.isPending ? "Joining…" : `Join ${groupName} as ${me.name}`}
      </Button>
    </div>
  );
}

function CreateAccountAndJoin({ token, groupName, invitedEmail }: Props) {
  const trpc = useTRPC();
  const goToGroup = useGoToGroup();
  const [signInFailed, setSignInFailed] = useState(false);
  const accept = useMutation(trpc.invitation.accept.mutationOptions());
  const errors = fieldErrors(accept.error);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const name = String(form.get("name") ?? "");
    const password = String(form.get("password") ?? "");
    let result;
    try {
      result = await accept.mutateAsync({ token, name, password });
    } catch {
      return; // shown from accept.error
    }
    const signedIn = await signIn("credentials", { email: result.email, password, redirect: false });
    if (!signedIn?.ok) return setSignInFailed(true);
    goToGroup(result.group.handle);
  }

  if (signInFailed) {
    return (
      <Alert tone="info">
        Your account was created and you have joined {groupName}, but signing in failed.{" "}
        <Link href="/signin" className="font-semibold text-ember-700 underline">
          Sign in
        </Link>
      </Alert>
    );
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      <h2 className="text-xl font-semibold">Create your account</h2>
      {accept.error && !errors && <Alert>{errorMessage(accept.error)}</Alert>}
      <p>
        You will sign in with <strong>{invitedEmail}</strong>.
      </p>
      <TextField label="Your name" name="name" autoComplete="name" required error={errors?.name?.[0]} />
      <TextField
        label="Choose a password"
        name="password"
        type="password"
        autoComplete="new-password"
        hint="At least 10 characters."
        required
        error={errors?.password?.[0]}
      />
      <Button type="submit" disabled={accept.isPending}>
        {accept.isPending ? "Joining…" : `Join ${groupName}`}
      </Button>
    </form>
  );
}
