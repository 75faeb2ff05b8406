import { ActivityFeed } from "@/components/activity/activity-feed";
import type { ActivityFilterKey } from "@/components/activity/activity-filters";
import { canInGroup } from "@/server/policy";
import { groupPageMetadata } from "@/app/groups/[handle]/_lib/group-page-metadata";
import { loadGroup } from "@/app/groups/[handle]/_lib/load-group";

export const generateMetadata = groupPageMetadata("Activity");

/** Who did what in the group, newest first; guests see what happens in what they were invited to. */
export default async function GroupActivityPage({ params }: { params: Promise<{ handle: string }> }) {
  const { handle } = await params;
  const { group, caller } = await loadGroup(handle, `/groups/${handle}/activity`);
  if (!group.myRole) return null;
  const standing = { role: group.myRole, settings: group.settings };
  const firstPage = await caller.activity.list({ groupId: group.id });
  const filters: ActivityFilterKey[] = [
    "threads",
    "decisions",
    "documents",
    ...(canInGroup(standing, "resource.view") ? (["resources"] as const) : []),
    ...(canInGroup(standing, "meeting.view") ? (["meetings"] as const) : []),
  ];

  return (
    <ActivityFeed
      groupId={group.id}
      initialPage={firstPage}
      filters={filters}
      seesEverything={canInGroup(standing, "thread.viewAll")}
      seesDrafts={canInGroup(standing, "resource.manage")}
    />
  );
}
