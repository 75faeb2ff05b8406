import type { Prisma } from "@/generated/prisma/client.ts";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { getStanding, requireInGroup } from "@/server/groups/standing";
import { requireMeeting } from "@/server/meetings/access";
import { canInGroup, membershipsAllowedWhere, tasksVisibleToWhere, threadViewersWhere, type GroupStanding } from "@/server/policy";
import { requireThreadAccess } from "@/server/threads/access";

const TASK_NOT_VISIBLE = "That task does not exist, or you cannot see it.";
const PLACE_NOT_VISIBLE = "That place does not exist, or you cannot see it.";

/** Where a task lives: its group, and the thread (with a comment), meeting or decision it belongs to. */
export type TaskPlace = { groupId: string; threadId?: string; commentId?: string; meetingId?: string; decisionId?: string };

/**
 * Everyone who may see a task in this place, as a filter on people: a thread's audience (guests
 * invited to it too), otherwise the group's members and admins (as tasksVisibleToWhere).
 */
export function taskViewersWhere(place: { groupId: string; threadId?: string | null }): Prisma.UserWhereInput {
  if (place.threadId) return threadViewersWhere({ id: place.threadId, groupId: place.groupId });
  return { memberships: { some: { groupId: place.groupId, ...membershipsAllowedWhere("thread.viewAll") } } };
}

/** Of these people, the ones who may see a task in this place, in the order given. */
export async function visibleAssignees(db: Db, place: { groupId: string; threadId?: string | null }, userIds: readonly string[]) {
  const unique = [...new Set(userIds)];
  if (unique.length === 0) return [];
  const people = await db.user.findMany({ where: { AND: [{ id: { in: unique } }, taskViewersWhere(place)] }, select: { id: true } });
  const allowed = new Set(people.map(({ id }) => id));
  return unique.filter((id) => allowed.has(id));
}

/** A task the caller may see, with their standing in its group; anything else is NOT_FOUND, so ids reveal nothing. */
export async function requireTask(db: Db, userId: string, id: string) {
  const task = await db.task.findFirst({
    where: { AND: [{ id }, tasksVisibleToWhere(userId)] },
    select: {
      id: true,
      groupId: true,
      title: true,
      threadId: true,
      meetingId: true,
      decisionId: true,
      createdById: true,
      sourceKey: true,
      doneAt: true,
      assignees: { select: { userId: true } },
    },
  });
  if (!task) throw new AppError("NOT_FOUND", TASK_NOT_VISIBLE);
  const standing = await getStanding(db, userId, task.groupId);
  return { task, standing, isAssignee: task.assignees.some((assignee) => assignee.userId === userId) };
}

async function decisionGroup(db: Db, userId: string, decisionId: string): Promise<{ groupId: string; standing: GroupStanding }> {
  const decision = await db.decision.findUnique({ where: { id: decisionId }, select: { groupId: true } });
  const standing = decision ? await getStanding(db, userId, decision.groupId) : null;
  if (!decision || !standing || !canInGroup(standing, "thread.viewAll")) {
    throw new AppError("NOT_FOUND", "That decision does not exist, or you cannot see it.");
  }
  return { groupId: decision.groupId, standing };
}

/**
 * The place named by ids from input, checked against what the caller may see: each id must exist,
 * be visible to them, and belong to the same group as the others (else NOT_FOUND, whichever it is).
 */
export async function resolvePlace(
  db: Db,
  userId: string,
  input: { groupId?: string; threadId?: string; commentId?: string; meetingId?: string; decisionId?: string },
): Promise<{ place: TaskPlace; standing: GroupStanding }> {
  const groups: string[] = [];
  let standing: GroupStanding | null = null;
  let threadId = input.threadId;
  if (input.commentId) {
    const comment = await db.comment.findUnique({ where: { id: input.commentId }, select: { threadId: true, deletedAt: true } });
    if (!comment || comment.deletedAt || (threadId && comment.threadId !== threadId)) throw new AppError("NOT_FOUND", PLACE_NOT_VISIBLE);
    threadId = comment.threadId;
  }
  if (threadId) {
    const access = await requireThreadAccess(db, userId, threadId);
    groups.push(access.thread.groupId);
    standing = access.standing;
  }
  if (input.meetingId) {
    const access = await requireMeeting(db, userId, input.meetingId);
    groups.push(access.meeting.groupId);
    standing = access.standing;
  }
  if (input.decisionId) {
    const access = await decisionGroup(db, userId, input.decisionId);
    groups.push(access.groupId);
    standing = access.standing;
  }
  if (input.groupId) {
    standing = await requireInGroup(db, userId, input.groupId, "group.view");
    groups.push(input.groupId);
  }
  const groupId = groups[0];
  if (!groupId || !standing) throw new AppError("BAD_REQUEST", "Say where the task belongs: a group, thread, meeting or decision.");
  if (groups.some((id) => id !== groupId)) throw new AppError("NOT_FOUND", PLACE_NOT_VISIBLE);
  return {
    place: { groupId, threadId, commentId: input.commentId, meetingId: input.meetingId, decisionId: input.decisionId },
    standing,
  };
}
