import { redirect } from "next/navigation";
import { AppShell } from "@/components/shell/app-shell";
import { getSessionUserId } from "@/server/api/context";
import { getServerCaller, orNotFound } from "@/server/api/server-caller";
import { OrganisationList } from "@/app/organisations/_components/organisation-list";

export const metadata = { title: "Organisations" };

export default async function OrganisationsPage() {
  if (!(await getSessionUserId())) redirect("/signin?next=/organisations");
  const caller = await getServerCaller();
  // Refused to people who are guests everywhere: they get the page that is not there.
  const [me, firstPage] = await orNotFound(() => Promise.all([caller.user.me(), caller.organisation.list({})]), ["FORBIDDEN"]);
  return (
    <AppShell me={me}>
      <OrganisationList initialPage={firstPage} />
    </AppShell>
  );
}
