import { redirect } from "next/navigation";
import { AppShell } from "@/components/shell/app-shell";
import { getSessionUserId } from "@/server/api/context";
import { getServerCaller } from "@/server/api/server-caller";
import { GroupList } from "@/app/_components/group-list";

export const metadata = { title: "Your groups" };

export default async function DashboardPage() {
  if (!(await getSessionUserId())) redirect("/signin");
  const caller = await getServerCaller();
  const [me, groups] = await Promise.all([caller.user.me(), caller.group.list()]);
  return (
    <AppShell me={me}>
      <h1 className="mb-2 text-3xl font-bold">Welcome, {me.name}</h1>
      <p className="mb-8 text-muted">The groups you belong to.</p>
      <GroupList initialGroups={groups} />
    </AppShell>
  );
}
