import { notFound } from "next/navigation";
import { DecisionRegister } from "@/components/decisions/decision-register";
import { canInGroup } from "@/server/policy";
import { groupPageMetadata } from "@/app/groups/[handle]/_lib/group-page-metadata";
import { loadGroup } from "@/app/groups/[handle]/_lib/load-group";

export const generateMetadata = groupPageMetadata("Decisions");

/** The group's decision register, for its members and admins. */
export default async function GroupDecisionsPage({ params }: { params: Promise<{ handle: string }> }) {
  const { handle } = await params;
  const { group } = await loadGroup(handle, `/groups/${handle}/decisions`);
  if (!group.myRole) return null;
  if (!canInGroup({ role: group.myRole, settings: group.settings }, "decision.view")) notFound();
  return <DecisionRegister group={{ id: group.id, handle: group.handle }} />;
}
