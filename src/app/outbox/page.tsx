import { TRPCError } from "@trpc/server";
import { notFound, redirect } from "next/navigation";
import { AppShell } from "@/components/shell/app-shell";
import { getSessionUserId } from "@/server/api/context";
import { getServerCaller } from "@/server/api/server-caller";
import { OutboxList } from "@/app/outbox/_components/outbox-list";

export const metadata = { title: "Email outbox" };

/** The instance administrator's view of every email; anyone else gets a 404, as if it did not exist. */
export default async function OutboxPage() {
  if (!(await getSessionUserId())) redirect("/signin?next=/outbox");
  const caller = await getServerCaller();
  const [me, firstPage] = await Promise.all([
    caller.user.me(),
    caller.outbox.list({}).catch((error: unknown) => {
      if (error instanceof TRPCError && error.code === "FORBIDDEN") notFound();
      throw error;
    }),
  ]);
  return (
    <AppShell me={me}>
      <h1 className="mb-2 text-3xl font-bold">Email outbox</h1>
      <p className="mb-8 text-muted">
        Every email Hearth has sent or is about to send, newest first. A delivery that fails is retried after 1 minute, 5, 15,
        an hour, then up to four hours apart, and given up after 8 attempts; an address the mail server refuses fails at
        once. Failed emails can be sent again. Invitation and password reset links are removed from an email once it has been
        sent or has failed, so they are never kept here longer than needed.
      </p>
      <OutboxList firstPage={firstPage} />
    </AppShell>
  );
}
