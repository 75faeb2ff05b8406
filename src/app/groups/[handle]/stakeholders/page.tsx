import { notFound } from "next/navigation";
import { StakeholderMap } from "@/components/stakeholders/stakeholder-map";
import { canInGroup } from "@/server/policy";
import { groupPageMetadata } from "@/app/groups/[handle]/_lib/group-page-metadata";
import { loadGroup } from "@/app/groups/[handle]/_lib/load-group";

export const generateMetadata = groupPageMetadata("Stakeholders");

/** The group's stakeholder map, for its members (to read) and admins (to change). */
export default async function GroupStakeholdersPage({ params }: { params: Promise<{ handle: string }> }) {
  const { handle } = await params;
  const { group } = await loadGroup(handle, `/groups/${handle}/stakeholders`);
  if (!group.myRole) return null;
  const standing = { role: group.myRole, settings: group.settings };
  if (!canInGroup(standing, "stakeholder.view")) notFound();
  return <StakeholderMap group={{ id: group.id, handle: group.handle }} canManage={canInGroup(standing, "stakeholder.manage")} />;
}
