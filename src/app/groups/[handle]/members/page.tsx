import { notFound } from "next/navigation";
import { MemberDirectory } from "@/app/groups/[handle]/members/_components/member-directory";
import { groupPageMetadata } from "@/app/groups/[handle]/_lib/group-page-metadata";
import { loadGroup } from "@/app/groups/[handle]/_lib/load-group";

export const generateMetadata = groupPageMetadata("Members");

export default async function MembersPage({
  params,
  searchParams,
}: {
  params: Promise<{ handle: string }>;
  searchParams: Promise<{ search?: string | string[] }>;
}) {
  const { handle } = await params;
  const { search } = await searchParams;
  const { me, group, caller } = await loadGroup(handle, `/groups/${handle}/members`);
  if (!group.permissions.canViewMembers) notFound();
  const organisations = await caller.organisation.list({});
  return (
    <MemberDirectory
      groupId={group.id}
      myUserId={me.id}
      canManage={group.permissions.canManageMembers}
      organisations={organisations.items.map(({ id, name }) => ({ id, name }))}
      initialSearch={typeof search === "string" ? search.slice(0, 100) : ""}
    />
  );
}
