import { InitiativeDirectory } from "@/components/initiatives/initiative-directory";
import { groupPageMetadata } from "@/app/groups/[handle]/_lib/group-page-metadata";
import { loadGroup } from "@/app/groups/[handle]/_lib/load-group";
import { orNotFound } from "@/server/api/server-caller";

export const generateMetadata = groupPageMetadata("Initiatives");

/** The group's directory of initiatives, for its members and admins. */
export default async function GroupInitiativesPage({ params }: { params: Promise<{ handle: string }> }) {
  const { handle } = await params;
  const { group, caller } = await loadGroup(handle, `/groups/${handle}/initiatives`);
  if (!group.myRole) return null;
  // Guests never see the directory: for them it does not exist.
  const initial = await orNotFound(() => caller.initiative.list({ groupId: group.id }), ["NOT_FOUND", "FORBIDDEN"]);
  return <InitiativeDirectory groupId={group.id} initial={initial} />;
}
