import { redirect } from "next/navigation";
import { AppShell } from "@/components/shell/app-shell";
import { getSessionUserId } from "@/server/api/context";
import { getServerCaller } from "@/server/api/server-caller";
import { OrganisationList } from "@/app/organisations/_components/organisation-list";

export const metadata = { title: "Organisations" };

export default async function OrganisationsPage() {
  if (!(await getSessionUserId())) redirect("/signin?next=/organisations");
  const caller = await getServerCaller();
  const [me, firstPage] = await Promise.all([caller.user.me(), caller.organisation.list({})]);
  return (
    <AppShell me={me}>
      <OrganisationList initialPage={firstPage} />
    </AppShell>
  );
}
