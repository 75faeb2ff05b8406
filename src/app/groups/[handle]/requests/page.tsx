import { notFound } from "next/navigation";
import { groupPageMetadata } from "@/app/groups/[handle]/_lib/group-page-metadata";
import { loadGroup } from "@/app/groups/[handle]/_lib/load-group";
import { RequestsPanel } from "@/app/groups/[handle]/requests/_components/requests-panel";

export const generateMetadata = groupPageMetadata("Requests to join");

export default async function GroupRequestsPage({ params }: { params: Promise<{ handle: string }> }) {
  const { handle } = await params;
  const { group } = await loadGroup(handle, `/groups/${handle}/requests`);
  if (!group.permissions.canDecideRequests) notFound();
  return <RequestsPanel groupId={group.id} />;
}
