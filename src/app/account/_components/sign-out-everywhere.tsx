"use client";

import { useMutation } from "@tanstack/react-query";
import { signOut } from "next-auth/react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { forgetThisDevice } from "@/components/pwa/forget-device";
import { forgetLocalCopies } from "@/lib/documents/local-copy";
import { errorMessage } from "@/lib/trpc/error-message";
import { useTRPC } from "@/lib/trpc/client";

/**
 * Ends every session of the account at once: other browsers and phones are signed out on their
 * next click, and their live connections close now. This device signs out too, as from the menu.
 */
export function SignOutEverywhere({ userId }: { userId: string }) {
  const trpc = useTRPC();
  const end = useMutation(
    trpc.user.signOutEverywhere.mutationOptions({
      onSuccess: async () => {
        // The session has ended, so the server forgets this browser's push subscription when its push service next answers 410.
        await Promise.all([forgetLocalCopies(userId), forgetThisDevice(userId, async () => undefined)]);
        await signOut({ callbackUrl: "/signin" });
      },
    }),
  );

  return (
    <Card>
      <section aria-labelledby="sessions-heading" className="flex flex-col gap-4">
        <h2 id="sessions-heading" className="text-2xl font-bold">
          Signed-in devices
        </h2>
        <p className="text-muted">
          Left Hearth open on a shared or lost device? Sign out everywhere to end every session of your account, on this
          device too. You can sign in again straight away with your password.
        </p>
        {end.error && <Alert>{errorMessage(end.error)}</Alert>}
        <Button variant="secondary" className="self-start" disabled={end.isPending || end.isSuccess} onClick={() => end.mutate()}>
          {end.isPending || end.isSuccess ? "Signing out…" : "Sign out everywhere"}
        </Button>
      </section>
    </Card>
  );
}
