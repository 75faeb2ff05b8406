import { notFound } from "next/navigation";
import { canInGroup } from "@/server/policy";
import { AuditLog } from "@/app/groups/[handle]/audit/_components/audit-log";
import { groupPageMetadata } from "@/app/groups/[handle]/_lib/group-page-metadata";
import { loadGroup } from "@/app/groups/[handle]/_lib/load-group";

export const generateMetadata = groupPageMetadata("Audit log");

export default async function GroupAuditPage({ params }: { params: Promise<{ handle: string }> }) {
  const { handle } = await params;
  const { group } = await loadGroup(handle, `/groups/${handle}/audit`);
  if (!canInGroup({ role: group.myRole, settings: group.settings }, "group.viewAudit")) notFound();
  return <AuditLog group={{ id: group.id, name: group.name, handle: group.handle }} />;
}
