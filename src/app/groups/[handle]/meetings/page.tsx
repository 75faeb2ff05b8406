import { notFound } from "next/navigation";
import { MeetingList } from "@/components/meetings/meeting-list";
import { ScheduleMeetingDialog } from "@/components/meetings/schedule-meeting-dialog";
import { canInGroup } from "@/server/policy";
import { groupPageMetadata } from "@/app/groups/[handle]/_lib/group-page-metadata";
import { loadGroup } from "@/app/groups/[handle]/_lib/load-group";

export const generateMetadata = groupPageMetadata("Meetings");

/** The group's meetings: upcoming ones, then past ones, with "Schedule a meeting" for its admins. */
export default async function GroupMeetingsPage({ params }: { params: Promise<{ handle: string }> }) {
  const { handle } = await params;
  const { group } = await loadGroup(handle, `/groups/${handle}/meetings`);
  if (!group.myRole) return null;
  const standing = { role: group.myRole, settings: group.settings };
  if (!canInGroup(standing, "meeting.view")) notFound();

  return (
    <div className="flex flex-col gap-8">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h2 className="text-2xl font-bold">Meetings</h2>
        {canInGroup(standing, "meeting.manage") && <ScheduleMeetingDialog groupId={group.id} />}
      </div>
      <MeetingList groupId={group.id} when="upcoming" title="Upcoming" />
      <MeetingList groupId={group.id} when="past" title="Past" />
    </div>
  );
}
