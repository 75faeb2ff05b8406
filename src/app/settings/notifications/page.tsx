import { redirect } from "next/navigation";
import { EmailSettings } from "@/app/settings/notifications/_components/email-settings";
import { AppShell } from "@/components/shell/app-shell";
import { getSessionUserId } from "@/server/api/context";
import { getServerCaller } from "@/server/api/server-caller";

export const metadata = { title: "Email settings" };

export default async function NotificationSettingsPage() {
  if (!(await getSessionUserId())) redirect("/signin?next=/settings/notifications");
  const caller = await getServerCaller();
  const [me, settings] = await Promise.all([caller.user.me(), caller.notificationSettings.get()]);
  return (
    <AppShell me={me}>
      <h1 className="mb-2 text-3xl font-bold">Email settings</h1>
      <p className="mb-8 max-w-2xl text-muted">
        Choose how much email Hearth sends you. Whatever you choose, everything still appears under Notifications, and
        invitations and password resets are always emailed.
      </p>
      <EmailSettings initial={settings} />
    </AppShell>
  );
}
