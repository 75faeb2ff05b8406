import { notFound } from "next/navigation";
import { canInGroup } from "@/server/policy";
import { GroupDownload } from "@/app/groups/[handle]/settings/_components/group-download";
import { GroupSettingsForm } from "@/app/groups/[handle]/settings/_components/group-settings-form";
import { VotingRulesForm } from "@/app/groups/[handle]/settings/_components/voting-rules-form";
import { groupPageMetadata } from "@/app/groups/[handle]/_lib/group-page-metadata";
import { loadGroup } from "@/app/groups/[handle]/_lib/load-group";

export const generateMetadata = groupPageMetadata("Settings");

export default async function GroupSettingsPage({ params }: { params: Promise<{ handle: string }> }) {
  const { handle } = await params;
  const { group } = await loadGroup(handle, `/groups/${handle}/settings`);
  if (!group.permissions.canUpdate) notFound();
  const canExport = canInGroup({ role: group.myRole, settings: group.settings }, "group.export");
  return (
    <div className="flex flex-col gap-12">
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
      <VotingRulesForm group={{ id: group.id, votingRuleDefaults: group.votingRuleDefaults }} />
      {canExport && <GroupDownload group={group} />}
    </div>
  );
}
