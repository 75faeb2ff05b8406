import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import type { Publish } from "@/server/events";
import { getStanding } from "@/server/groups/standing";
import { canInGroup, membershipsAllowedWhere, type GroupAction, type GroupStanding } from "@/server/policy";

const NOT_VISIBLE = "That meeting does not exist, or you cannot see it.";

/**
 * Loads a meeting only for people who may see its group's meetings; anything else is NOT_FOUND,
 * so meeting ids reveal nothing. `manage` additionally needs `meeting.manage` (FORBIDDEN).
 */
export async function requireMeeting(
  db: Db,
  userId: string,
  meetingId: string,
  action: Extract<GroupAction, "meeting.view" | "meeting.manage"> = "meeting.view",
): Promise<{ meeting: { id: string; groupId: string; title: string }; standing: GroupStanding }> {
  const meeting = await db.meeting.findUnique({ where: { id: meetingId }, select: { id: true, groupId: true, title: true } });
  if (!meeting) throw new AppError("NOT_FOUND", NOT_VISIBLE);
  const standing = await getStanding(db, userId, meeting.groupId);
  if (!canInGroup(standing, "meeting.view")) throw new AppError("NOT_FOUND", NOT_VISIBLE);
  if (!canInGroup(standing, action)) throw new AppError("FORBIDDEN", "Only the group's admins can change meetings.");
  return { meeting, standing };
}

/**
 * For threads and polls that link to a meeting: it must be a meeting of the same group that the
 * caller may see. Refusals are BAD_REQUEST, like a thread of another group.
 */
export async function assertLinkableMeeting(db: Db, standing: GroupStanding, groupId: string, meetingId: string): Promise<void> {
  const meeting = await db.meeting.findUnique({ where: { id: meetingId }, select: { groupId: true } });
  if (!meeting || meeting.groupId !== groupId || !canInGroup(standing, "meeting.view")) {
    throw new AppError("BAD_REQUEST", "That meeting is not in this group.");
  }
}

/** Of these people, the ones who belong to the group in a role that sees its meetings. */
export async function meetingViewers(db: Db, groupId: string, userIds?: readonly string[]): Promise<string[]> {
  const memberships = await db.membership.findMany({
    where: { groupId, ...membershipsAllowedWhere("meeting.view"), ...(userIds && { userId: { in: [...userIds] } }) },
    select: { userId: true },
  });
  return memberships.map(({ userId }) => userId);
}

/** Open meeting pages and lists refetch; ids only, to the group's room (guests are not in it). */
export function publishMeetingChange(publish: Publish, meeting: { id: string; groupId: string }): void {
  publish({ name: "meeting.updated", room: `group:${meeting.groupId}`, payload: { meetingId: meeting.id, groupId: meeting.groupId } });
}
