import { notFound } from "next/navigation";
import { CharterView } from "@/components/charter/charter-view";
import { absoluteUrl } from "@/server/mail/service";
import { canInGroup } from "@/server/policy";
import { groupPageMetadata } from "@/app/groups/[handle]/_lib/group-page-metadata";
import { loadGroup } from "@/app/groups/[handle]/_lib/load-group";

export const generateMetadata = groupPageMetadata("Charter");

/** The group's charter and its signatories, for its members and admins. */
export default async function GroupCharterPage({ params }: { params: Promise<{ handle: string }> }) {
  const { handle } = await params;
  const { group, caller } = await loadGroup(handle, `/groups/${handle}/charter`);
  if (!group.myRole) return null;
  if (!canInGroup({ role: group.myRole, settings: group.settings }, "charter.view")) notFound();
  const charter = await caller.charter.get({ groupId: group.id });
  return <CharterView initial={charter} publicUrl={absoluteUrl(`/charter/${group.handle}`)} />;
}
