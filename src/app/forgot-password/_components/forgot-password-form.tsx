"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { errorMessage, fieldErrors } from "@/lib/trpc/error-message";
import { useTRPC } from "@/lib/trpc/client";

export function ForgotPasswordForm() {
  const trpc = useTRPC();
  const [email, setEmail] = useState("");
  const request = useMutation(trpc.passwordReset.request.mutationOptions());
  const errors = fieldErrors(request.error);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    request.mutate({ email });
  }

  if (request.isSuccess) {
    return (
      <div className="flex flex-col gap-4">
        <Alert tone="info">
          If {request.variables.email.trim()} has a Hearth account, we have sent it a link to choose a new password. The link
          works once, for one hour.
        </Alert>
        <p>No email after a few minutes? Check your spam folder, or ask the person who runs Hearth for your group.</p>
        <Link href="/signin" className="font-semibold text-ember-700 underline">
          Back to sign in
        </Link>
      </div>
    );
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      <p>Enter the email address you sign in with. We will send you a link to choose a new password.</p>
      {request.error && !errors && <Alert>{errorMessage(request.error)}</Alert>}
      <TextField
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        value={email}
        onChange={(event) => setEmail(event.target.value)}
        required
        error={errors?.email?.[0]}
      />
      <Button type="submit" disabled={request.isPending}>
        {request.isPending ? "Sending…" : "Send me a link"}
      </Button>
      <Link href="/signin" className="font-semibold text-ember-700 underline">
        Back to sign in
      </Link>
    </form>
  );
}
