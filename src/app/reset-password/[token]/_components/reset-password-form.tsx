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

/** `welcome`: the first password of an account an import brought in, rather than a reset. */
export function ResetPasswordForm({ token, welcome = false }: { token: string; welcome?: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [signInFailed, setSignInFailed] = useState(false);
  const complete = useMutation(trpc.passwordReset.complete.mutationOptions());
  const errors = fieldErrors(complete.error);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const password = String(new FormData(event.currentTarget).get("password") ?? "");
    let email: string;
    try {
      ({ email } = await complete.mutateAsync({ token, password }));
    } catch {
      return; // shown from complete.error
    }
    const result = await signIn("credentials", { email, password, redirect: false });
    if (!result?.ok) return setSignInFailed(true);
    router.replace("/");
    router.refresh();
  }

  if (signInFailed) {
    return (
      <Alert tone="info">
        {welcome ? "Your password has been saved" : "Your password has been changed"}, but signing in failed.{" "}
        <Link href="/signin" className="font-semibold text-ember-700 underline">
          Sign in with your {welcome ? "" : "new "}password
        </Link>
      </Alert>
    );
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      {complete.error && !errors && (
        <Alert>
          {errorMessage(complete.error)}{" "}
          <Link href="/forgot-password" className="font-semibold underline">
            Ask for a new link
          </Link>
        </Alert>
      )}
      <TextField
        label={welcome ? "Password" : "New password"}
        name="password"
        type="password"
        autoComplete="new-password"
        hint="At least 10 characters."
        required
        error={errors?.password?.[0]}
      />
      <Button type="submit" disabled={complete.isPending}>
        {complete.isPending ? "Saving…" : "Save and sign in"}
      </Button>
    </form>
  );
}
