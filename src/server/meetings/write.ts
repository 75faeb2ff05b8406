import type { Prisma } from "@/generated/prisma/client.ts";
import { recordAudit } from "@/server/audit/record";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import type { Publish } from "@/server/events";
import { requireInGroup } from "@/server/groups/standing";
import { cookAhead } from "@/server/markdown/cook";
import { meetingViewers, publishMeetingChange, requireMeeting } from "@/server/meetings/access";
import { ENDS_BEFORE_START, type CreateMeetingInput, type UpdateMeetingInput } from "@/server/meetings/schemas";
import { notifyMeetingChanged, notifyMeetingNew } from "@/server/meetings/triggers";
import { syncTasksAfterWrite } from "@/server/tasks/sync";

/** Attendees are chosen from the people who can see the group's meetings: its members and admins. */
async function checkAttendees(db: Db, groupId: string, attendeeIds: readonly string[]): Promise<string[]> {
  const unique = [...new Set(attendeeIds)];
  if (unique.length === 0) return unique;
  const members = await meetingViewers(db, groupId, unique);
  if (members.length !== unique.length) {
    throw new AppError("BAD_REQUEST", "Attendees must be members of this group. Someone you chose is not (or is only a guest).");
  }
  return unique;
}

/** Schedules a meeting and tells the group; only admins may. */
export async function createMeeting(db: Db, publish: Publish, userId: string, input: CreateMeetingInput): Promise<{ id: string }> {
  await requireInGroup(db, userId, input.groupId, "meeting.manage");
  const attendeeIds = await checkAttendees(db, input.groupId, input.attendeeIds ?? []);
  const meeting = await db.meeting.create({
    data: {
      groupId: input.groupId,
      title: input.title,
      startsAt: input.startsAt,
      endsAt: input.endsAt ?? null,
      location: input.location ?? "",
      onlineUrl: input.onlineUrl || null,
      agenda: input.agenda ?? "",
      createdById: userId,
      attendees: { create: attendeeIds.map((id) => ({ userId: id })) },
    },
    select: { id: true, groupId: true, title: true },
  });
  cookAhead(input.agenda);
  await syncTasksAfterWrite(db, publish, { source: { kind: "agenda", id: meeting.id, groupId: meeting.groupId }, actorId: userId, before: null, after: input.agenda ?? "" });
  publishMeetingChange(publish, meeting);
  await notifyMeetingNew(db, publish, { actorId: userId, meeting, attendeeIds });
  return { id: meeting.id };
}

/** A meeting as its calendar entry has it: title, time, place, link and agenda. */
export const meetingPlanSelect = {
  title: true,
  startsAt: true,
  endsAt: true,
  location: true,
  onlineUrl: true,
  agenda: true,
} satisfies Prisma.MeetingSelect;

const sameTime = (a: Date | null, b: Date | null) => (a?.getTime() ?? null) === (b?.getTime() ?? null);

/**
 * Changes a meeting (admins only). Every change bumps `revision`, the calendar file's SEQUENCE,
 * so calendars that imported it take the new version. A new time, place, link or agenda tells
 * the attendees; minutes written for the first time tell them too.
 */
export async function updateMeeting(db: Db, publish: Publish, userId: string, input: UpdateMeetingInput): Promise<{ id: string }> {
  const { meeting } = await requireMeeting(db, userId, input.id, "meeting.manage");
  const current = await db.meeting.findUniqueOrThrow({
    where: { id: input.id },
    select: { ...meetingPlanSelect, minutes: true, attendees: { select: { userId: true } } },
  });
  const next = {
    title: input.title ?? current.title,
    startsAt: input.startsAt ?? current.startsAt,
    endsAt: input.endsAt === undefined ? current.endsAt : input.endsAt,
    location: input.location ?? current.location,
    onlineUrl: input.onlineUrl === undefined ? current.onlineUrl : input.onlineUrl || null,
    agenda: input.agenda ?? current.agenda,
    minutes: input.minutes ?? current.minutes,
  };
  if (next.endsAt && next.endsAt <= next.startsAt) throw new AppError("BAD_REQUEST", ENDS_BEFORE_START);
  const currentAttendees = current.attendees.map(({ userId: id }) => id);
  const attendeeIds = input.attendeeIds ? await checkAttendees(db, meeting.groupId, input.attendeeIds) : currentAttendees;
  const attendeesChanged =
    attendeeIds.length !== currentAttendees.length || attendeeIds.some((id) => !currentAttendees.includes(id));

  const practicalChange =
    !sameTime(next.startsAt, current.startsAt) ||
    !sameTime(next.endsAt, current.endsAt) ||
    next.location !== current.location ||
    next.onlineUrl !== current.onlineUrl ||
    next.agenda !== current.agenda;
  const minutesAdded = current.minutes.trim() === "" && next.minutes.trim() !== "";
  const changed = practicalChange || attendeesChanged || next.title !== current.title || next.minutes !== current.minutes;
  if (!changed) return { id: meeting.id };

  await db.meeting.update({
    where: { id: meeting.id },
    data: {
      ...next,
      revision: { increment: 1 },
      ...(attendeesChanged && { attendees: { deleteMany: {}, create: attendeeIds.map((id) => ({ userId: id })) } }),
    },
  });
  cookAhead(input.agenda, input.minutes);
  for (const kind of ["agenda", "minutes"] as const) {
    if (next[kind] === current[kind]) continue;
    await syncTasksAfterWrite(db, publish, { source: { kind, id: meeting.id, groupId: meeting.groupId }, actorId: userId, before: current[kind], after: next[kind] });
  }
  publishMeetingChange(publish, meeting);
  if (practicalChange || minutesAdded) {
    await notifyMeetingChanged(db, publish, {
      actorId: userId,
      meeting: { ...meeting, title: next.title },
      attendeeIds,
      minutes: minutesAdded && !practicalChange,
    });
  }
  return { id: meeting.id };
}

/**
 * Removes a meeting scheduled by mistake (admins only). Threads, polls and resources linked to
 * it stay, without the link.
 */
export async function deleteMeeting(db: Db, publish: Publish, userId: string, meetingId: string): Promise<{ id: string }> {
  const { meeting } = await requireMeeting(db, userId, meetingId, "meeting.manage");
  await db.$transaction([
    db.meeting.delete({ where: { id: meeting.id } }),
    recordAudit(db, { groupId: meeting.groupId, actorId: userId, action: "meeting.deleted", subject: { type: "meeting", id: meeting.id, label: meeting.title } }),
  ]);
  publishMeetingChange(publish, meeting);
  return { id: meeting.id };
}
