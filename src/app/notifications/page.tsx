import { redirect } from "next/navigation";
import { NotificationFeed } from "@/app/notifications/_components/notification-feed";
import { AppShell } from "@/components/shell/app-shell";
import { getSessionUserId } from "@/server/api/context";
import { getServerCaller } from "@/server/api/server-caller";

export const metadata = { title: "Notifications" };

export default async function NotificationsPage() {
  if (!(await getSessionUserId())) redirect("/signin?next=/notifications");
  const caller = await getServerCaller();
  const [me, firstPage] = await Promise.all([caller.user.me(), caller.notification.list({})]);
  return (
    <AppShell me={me}>
      <NotificationFeed firstPage={firstPage} />
    </AppShell>
  );
}
