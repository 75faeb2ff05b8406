import { TRPCError } from "@trpc/server";
import Link from "next/link";
import { PublicShell } from "@/components/shell/public-shell";
import { Card } from "@/components/ui/card";
import type { RouterOutputs } from "@/lib/trpc/client";
import { getServerCaller } from "@/server/api/server-caller";
import { ConfirmUnsubscribe } from "@/app/unsubscribe/_components/confirm-unsubscribe";

export const metadata = { title: "Unsubscribe" };

type State = RouterOutputs["unsubscribe"]["preview"];

async function load(token: string): Promise<{ state: State } | { error: string }> {
  if (!token) return { error: "This unsubscribe link is incomplete. Open the whole link from the email." };
  try {
    return { state: await (await getServerCaller()).unsubscribe.preview({ token }) };
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "BAD_REQUEST" || error.code === "NOT_FOUND")) return { error: error.message };
    throw error;
  }
}

/** Reached from the link in every notification email, signed in or not: it says what will stop, then asks. */
export default async function UnsubscribePage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const raw = (await searchParams).token;
  const token = typeof raw === "string" ? raw : "";
  const loaded = await load(token);
  if ("error" in loaded) {
    return (
      <PublicShell title="This link does not work">
        <Card>
          <p>{loaded.error}</p>
          <p className="mt-4">
            <Link href="/settings/notifications" className="font-semibold text-ember-700 underline">
              Sign in to your email settings
            </Link>
          </p>
        </Card>
      </PublicShell>
    );
  }
  const { state } = loaded;
  return (
    <PublicShell title={state.group ? `Stop email about ${state.group.name}` : "Stop notification email"}>
      <ConfirmUnsubscribe token={token} initial={state} />
    </PublicShell>
  );
}
