import { redirect } from "next/navigation";
import { AppShell } from "@/components/shell/app-shell";
import { getSessionUserId } from "@/server/api/context";
import { getServerCaller } from "@/server/api/server-caller";
import { GroupList } from "@/app/_components/group-list";
import { NewGroupDialog } from "@/app/_components/new-group-dialog";

export const metadata = { title: "Your groups" };

export default async function DashboardPage() {
  if (!(await getSessionUserId())) redirect("/signin");
  const caller = await getServerCaller();
  const [me, groups] = await Promise.all([caller.user.me(), caller.group.list()]);
  return (
    <AppShell me={me}>
      <div className="mb-8 flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="mb-2 text-3xl font-bold">Welcome, {me.name}</h1>
          <p className="text-muted">The groups you belong to.</p>
        </div>
        {/* Top-level groups are the instance administrator's to create (policy: site.createGroup). */}
        {me.isAdmin && <NewGroupDialog />}
      </div>
      <GroupList initialGroups={groups} />
    </AppShell>
  );
}
