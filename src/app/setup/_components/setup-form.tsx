"use client";

import { useMutation } from "@tanstack/react-query";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { errorMessage, fieldErrors } from "@/lib/trpc/error-message";
import { useTRPC } from "@/lib/trpc/client";

export function SetupForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const [signInFailed, setSignInFailed] = useState(false);
  const createAdmin = useMutation(trpc.setup.createAdmin.mutationOptions());
  const errors = fieldErrors(createAdmin.error);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = {
      name: String(form.get("name") ?? ""),
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
    };
    try {
      await createAdmin.mutateAsync(input);
    } catch {
      return; // shown from createAdmin.error
    }
    const result = await signIn("credentials", { email: input.email, password: input.password, redirect: false });
    if (!result?.ok) return setSignInFailed(true);
    router.replace("/");
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      {createAdmin.error && !errors && <Alert>{errorMessage(createAdmin.error)}</Alert>}
      {signInFailed && <Alert>Your account was created, but signing in failed. Please sign in.</Alert>}
      <TextField label="Your name" name="name" autoComplete="name" required error={errors?.name?.[0]} />
      <TextField label="Email" name="email" type="email" autoComplete="email" required error={errors?.email?.[0]} />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        hint="At least 10 characters."
        required
        error={errors?.password?.[0]}
      />
      <Button type="submit" disabled={createAdmin.isPending}>
        {createAdmin.isPending ? "Creating…" : "Create administrator account"}
      </Button>
    </form>
  );
}
