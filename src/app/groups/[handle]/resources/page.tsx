import { ResourceLibrary } from "@/components/resources/resource-library";
import { groupPageMetadata } from "@/app/groups/[handle]/_lib/group-page-metadata";
import { loadGroup } from "@/app/groups/[handle]/_lib/load-group";
import { orNotFound } from "@/server/api/server-caller";

export const generateMetadata = groupPageMetadata("Resources");

type Props = { params: Promise<{ handle: string }>; searchParams: Promise<{ folder?: string; meeting?: string }> };

/** The group's library. `?folder=<id>` opens a folder; `?meeting=<id>` preselects that meeting when adding. */
export default async function GroupResourcesPage({ params, searchParams }: Props) {
  const { handle } = await params;
  const { folder, meeting } = await searchParams;
  const { group, caller } = await loadGroup(handle, `/groups/${handle}/resources`);
  if (!group.myRole) return null;
  // Guests never see the library: for them it does not exist.
  const library = await orNotFound(() => caller.resource.library({ groupId: group.id }), ["NOT_FOUND", "FORBIDDEN"]);
  return (
    <ResourceLibrary
      group={{ id: group.id, handle: group.handle }}
      library={library}
      folderId={typeof folder === "string" && folder ? folder : null}
      meetingId={typeof meeting === "string" ? meeting : ""}
    />
  );
}
