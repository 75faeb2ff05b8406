import { redirect } from "next/navigation";
import { EmailSettings } from "@/app/settings/notifications/_components/email-settings";
import { PushSettings } from "@/app/settings/notifications/_components/push-settings";
import { AppShell } from "@/components/shell/app-shell";
import { getSessionUserId } from "@/server/api/context";
import { getServerCaller } from "@/server/api/server-caller";
import { vapidKeys } from "@/server/push/vapid";

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
      <section aria-labelledby="push-heading" className="mt-10 flex max-w-2xl flex-col gap-4">
        <h2 id="push-heading" className="text-2xl font-bold">
          Push notifications
        </h2>
        <p className="text-muted">
          Hearth can also tell you on this phone or computer, like a text message, even when Hearth is closed. Each push
          says what the bell says, never more.
        </p>
        <PushSettings initial={settings} vapidPublicKey={vapidKeys().publicKey} />
      </section>
      <section aria-labelledby="threads-heading" className="mt-10 flex max-w-2xl flex-col gap-3">
        <h2 id="threads-heading" className="text-2xl font-bold">
          Threads you follow or mute
        </h2>
        <p>
          <strong>Follow</strong> a thread (the button on the thread) to hear about every new comment in it, by email at
          once, even if you chose “mentions, replies and decisions” or a daily digest for its group. Only “Email me
          nothing” stops that.
        </p>
        <p>
          You follow the threads you start or comment in: their new comments appear under the bell, and by email as chosen
          below. Choose <strong>Follow</strong> on a thread to have each comment emailed at once, or <strong>Mute</strong> to hear
          nothing of it; commenting there again won’t change that choice.
        </p>
        <p>
          <strong>Mute</strong> a thread to get no email about it at all, not even when someone mentions you, and to
          leave it out of your digest. It still appears under Notifications.
        </p>
        <p className="text-muted">
          Every email has an unsubscribe link that works without signing in; it sets that group to “Email me nothing”.
        </p>
      </section>
    </AppShell>
  );
}
