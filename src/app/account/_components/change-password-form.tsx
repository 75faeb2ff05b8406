"use client";

import { useMutation } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { TextField } from "@/components/ui/text-field";
import { errorMessage, fieldErrors } from "@/lib/trpc/error-message";
import { useTRPC } from "@/lib/trpc/client";

export function ChangePasswordForm() {
  const trpc = useTRPC();
  const change = useMutation(trpc.user.changePassword.mutationOptions());
  const errors = fieldErrors(change.error);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    change.mutate(
      { currentPassword: String(data.get("currentPassword") ?? ""), newPassword: String(data.get("newPassword") ?? "") },
      { onSuccess: () => form.reset() },
    );
  }

  return (
    <Card>
      <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate aria-labelledby="password-heading">
        <h2 id="password-heading" className="text-2xl font-bold">
          Password
        </h2>
        {change.error && !errors && <Alert>{errorMessage(change.error)}</Alert>}
        {change.isSuccess && <Alert tone="info">Your password has been changed.</Alert>}
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
          hint="At least 10 characters."
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
