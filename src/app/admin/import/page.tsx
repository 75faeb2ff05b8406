import { TRPCError } from "@trpc/server";
import { notFound, redirect } from "next/navigation";
import { AppShell } from "@/components/shell/app-shell";
import { getSessionUserId } from "@/server/api/context";
import { getServerCaller } from "@/server/api/server-caller";
import { ImportPage } from "@/app/admin/import/_components/import-page";

export const metadata = { title: "Import" };

/** The instance administrator's import of a Loomio or Hearth export; anyone else gets a 404, as if it did not exist. */
export default async function AdminImportPage() {
  if (!(await getSessionUserId())) redirect("/signin?next=/admin/import");
  const caller = await getServerCaller();
  const [me, runs] = await Promise.all([
    caller.user.me(),
    caller.imports.list().catch((error: unknown) => {
      if (error instanceof TRPCError && error.code === "FORBIDDEN") notFound();
      throw error;
    }),
  ]);
  return (
    <AppShell me={me}>
      <h1 className="mb-2 text-3xl font-bold">Import</h1>
      <p className="mb-8 text-muted">
        Bring a group&apos;s history into Hearth: its people, threads, comments, votes and outcomes. Hearth first checks the
        file and tells you what it would do, without changing anything; you then choose to import it or not. You become an
        admin of every group it brings in. Importing the same file again changes nothing, and a newer export of the same
        group adds only what is new.
      </p>
      <ImportPage initialRuns={runs.items} />
    </AppShell>
  );
}
