import { redirect } from "next/navigation";
import { MyTasks } from "@/app/tasks/_components/my-tasks";
import { AppShell } from "@/components/shell/app-shell";
import { getSessionUserId } from "@/server/api/context";
import { getServerCaller } from "@/server/api/server-caller";

export const metadata = { title: "My tasks" };

export default async function MyTasksPage() {
  if (!(await getSessionUserId())) redirect("/signin?next=/tasks");
  const caller = await getServerCaller();
  const [me, firstPage] = await Promise.all([caller.user.me(), caller.task.mine({})]);
  return (
    <AppShell me={me}>
      <MyTasks firstPage={firstPage} />
    </AppShell>
  );
}
