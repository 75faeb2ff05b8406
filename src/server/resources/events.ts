import type { Publish } from "@/server/events";
import { publishMeetingChange } from "@/server/meetings/access";

/**
 * A resource changed: open libraries and its page refetch, and so do the pages of the meetings it
 * belongs or belonged to. Ids only, to the group's room (guests are not in it), so a draft's
 * title reaches no one who may not see it; the refetch goes through the authorised queries.
 */
export function publishResourceChange(
  publish: Publish,
  resource: { id: string; groupId: string },
  meetingIds: readonly (string | null | undefined)[] = [],
): void {
  publish({ name: "resource.changed", room: `group:${resource.groupId}`, payload: { groupId: resource.groupId, resourceId: resource.id } });
  for (const meetingId of new Set(meetingIds)) {
    if (meetingId) publishMeetingChange(publish, { id: meetingId, groupId: resource.groupId });
  }
}
