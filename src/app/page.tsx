import { redirect } from "next/navigation";
import { AppShell } from "@/components/shell/app-shell";
import { getSessionUserId } from "@/server/api/context";
import { getServerCaller } from "@/server/api/server-caller";
import { Dashboard } from "@/app/_components/dashboard";
import { NewGroupDialog } from "@/app/_components/new-group-dialog";

export const metadata = { title: "What needs you" };

export default async function DashboardPage() {
  if (!(await getSessionUserId())) redirect("/signin");
  const caller = await getServerCaller();
  const [me, dashboard] = await Promise.all([caller.user.me(), caller.dashboard.get()]);
  return (
    <AppShell me={me}>
      <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="mb-2 text-3xl font-bold">Welcome, {me.name}</h1>
          <p className="text-muted">What needs you across your groups.</p>
        </div>
        {/* Top-level groups are the instance administrator's to create (policy: site.createGroup). */}
        {me.isAdmin && <NewGroupDialog />}
      </div>
      <Dashboard initialData={dashboard} />
    </AppShell>
  );
}
