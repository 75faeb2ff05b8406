"use client";

import { signIn } from "next-auth/react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";

/** next-auth's error code for the attempt, in words; the server's waits after many attempts come as they are. */
function signInError(code: string | null | undefined): string {
  if (code === "CredentialsSignin") return "That email and password do not match an account. Check them and try again.";
  if (code?.startsWith("Too many attempts.")) return code;
  return "Signing in failed. Please try again.";
}

/** `next` is where to go after signing in: a path on this site, such as an invitation link. */
export function SignInForm({ next = "/" }: { next?: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      const result = await signIn("credentials", {
        email: String(form.get("email") ?? ""),
        password: String(form.get("password") ?? ""),
        redirect: false,
      });
      if (result?.ok) {
        router.replace(next);
        router.refresh();
        return;
      }
      setError(signInError(result?.error));
    } catch {
      setError("Hearth could not be reached. Check your connection and try again.");
    }
    setPending(false);
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      {error && <Alert>{error}</Alert>}
      <TextField label="Email" name="email" type="email" autoComplete="email" required />
      <TextField label="Password" name="password" type="password" autoComplete="current-password" required />
      <Link href="/forgot-password" className="self-start font-semibold text-ember-700 underline">
        Forgot your password?
      </Link>
      <Button type="submit" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
      <p className="text-sm text-muted">New here? People join Hearth by invitation from the group&apos;s staff.</p>
    </form>
  );
}
