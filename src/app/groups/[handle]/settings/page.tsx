import { notFound } from "next/navigation";
import { GroupSettingsForm } from "@/app/groups/[handle]/settings/_components/group-settings-form";
import { loadGroup } from "@/app/groups/[handle]/_lib/load-group";

export const metadata = { title: "Group settings" };

export default async function GroupSettingsPage({ params }: { params: Promise<{ handle: string }> }) {
  const { handle } = await params;
  const { group } = await loadGroup(handle, `/groups/${handle}/settings`);
  if (!group.permissions.canUpdate) notFound();
  return (
    <GroupSettingsForm
      group={{
        id: group.id,
        name: group.name,
        handle: group.handle,
        description: group.description,
        logoUrl: group.logoUrl,
        ...group.settings,
      }}
    />
  );
}
