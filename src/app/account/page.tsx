import { redirect } from "next/navigation";
import { AppShell } from "@/components/shell/app-shell";
import { getSessionUserId } from "@/server/api/context";
import { getServerCaller } from "@/server/api/server-caller";
import { ChangePasswordForm } from "@/app/account/_components/change-password-form";
import { DownloadMyData } from "@/app/account/_components/download-my-data";
import { OrganisationPicker } from "@/app/account/_components/organisation-picker";
import { ProfileForm } from "@/app/account/_components/profile-form";
import { SignOutEverywhere } from "@/app/account/_components/sign-out-everywhere";

export const metadata = { title: "Your account" };

export default async function AccountPage() {
  if (!(await getSessionUserId())) redirect("/signin?next=/account");
  const me = await (await getServerCaller()).user.me();
  return (
    <AppShell me={me}>
      <h1 className="mb-2 text-3xl font-bold">Your account</h1>
      <p className="mb-8 text-muted">Signed in as {me.email}.</p>
      <div className="flex max-w-2xl flex-col gap-10">
        <ProfileForm me={me} />
        {me.canViewOrganisations && <OrganisationPicker userId={me.id} current={me.organisation} />}
        <ChangePasswordForm email={me.email} />
        <DownloadMyData />
        <SignOutEverywhere userId={me.id} />
      </div>
    </AppShell>
  );
}
