import { DocumentList } from "@/components/documents/document-list";
import { NewDocumentDialog } from "@/components/documents/new-document-dialog";
import { canInGroup } from "@/server/policy";
import { groupPageMetadata } from "@/app/groups/[handle]/_lib/group-page-metadata";
import { loadGroup } from "@/app/groups/[handle]/_lib/load-group";

export const generateMetadata = groupPageMetadata("Documents");

/** The group's documents, its vision first; "New document" for those who may start one. */
export default async function GroupDocumentsPage({ params }: { params: Promise<{ handle: string }> }) {
  const { handle } = await params;
  const { group } = await loadGroup(handle, `/groups/${handle}/documents`);
  if (!group.myRole) return null;
  const standing = { role: group.myRole, settings: group.settings };

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h2 className="text-2xl font-bold">Documents</h2>
        {canInGroup(standing, "document.create") && <NewDocumentDialog groupId={group.id} />}
      </div>
      <DocumentList groupId={group.id} seesEveryDocument={canInGroup(standing, "document.viewAll")} />
    </div>
  );
}
