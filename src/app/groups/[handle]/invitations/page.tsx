import { notFound } from "next/navigation";
import { groupPageMetadata } from "@/app/groups/[handle]/_lib/group-page-metadata";
import { loadGroup } from "@/app/groups/[handle]/_lib/load-group";
import { InvitationsPanel } from "@/app/groups/[handle]/invitations/_components/invitations-panel";

export const generateMetadata = groupPageMetadata("Invitations");

export default async function GroupInvitationsPage({ params }: { params: Promise<{ handle: string }> }) {
  const { handle } = await params;
  const { group, caller } = await loadGroup(handle, `/groups/${handle}/invitations`);
  if (!group.permissions.canInvite) notFound();
  const roles = await caller.invitation.assignableRoles({ groupId: group.id });
  return <InvitationsPanel groupId={group.id} groupName={group.name} roles={roles} />;
}
