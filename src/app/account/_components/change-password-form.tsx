"use client";

import { useMutation } from "@tanstack/react-query";
import { signIn } from "next-auth/react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { TextField } from "@/components/ui/text-field";
import { useRealtime } from "@/lib/realtime/socket-provider";
import { errorMessage, fieldErrors } from "@/lib/trpc/error-message";
import { useTRPC } from "@/lib/trpc/client";

/**
 * A new password ends every session made with the old one, this one included, so the form signs
 * in again with the new password straight away: only the other devices are signed out.
 */
export function ChangePasswordForm({ email }: { email: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const { socket } = useRealtime();
  const change = useMutation(trpc.user.changePassword.mutationOptions());
  const [outcome, setOutcome] = useState<"changed" | "signed-out" | null>(null);
  const errors = fieldErrors(change.error);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const newPassword = String(data.get("newPassword") ?? "");
    setOutcome(null);
    try {
      await change.mutateAsync({ currentPassword: String(data.get("currentPassword") ?? ""), newPassword });
    } catch {
      return; // shown from change.error
    }
    form.reset();
    const result = await signIn("credentials", { email, password: newPassword, redirect: false }).catch(() => null);
    setOutcome(result?.ok ? "changed" : "signed-out");
    if (!result?.ok) return;
    router.refresh();
    // The old session's live connection was closed; this tab's new session opens another.
    if (socket && !socket.connected) socket.connect();
  }

  return (
    <Card>
      <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate aria-labelledby="password-heading">
        <h2 id="password-heading" className="text-2xl font-bold">
          Password
        </h2>
        {change.error && !errors && <Alert>{errorMessage(change.error)}</Alert>}
        {outcome === "changed" && (
          <Alert tone="info">Your password has been changed. Any other devices signed in to your account have been signed out.</Alert>
        )}
        {outcome === "signed-out" && (
          <Alert tone="info">
            Your password has been changed, and every device has been signed out, this one too.{" "}
            <Link href="/signin?next=/account" className="font-semibold text-ember-700 underline">
              Sign in with your new password
            </Link>
          </Alert>
        )}
        <TextField
          label="Current password"
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          required
          error={errors?.currentPassword?.[0]}
        />
        <TextField
          label="New password"
          name="newPassword"
          type="password"
          autoComplete="new-password"
          hint="At least 10 characters. Changing it signs out your other devices."
          required
          error={errors?.newPassword?.[0]}
        />
        <Button type="submit" disabled={change.isPending} className="self-start">
          {change.isPending ? "Changing…" : "Change password"}
        </Button>
      </form>
    </Card>
  );
}
