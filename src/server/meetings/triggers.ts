import type { Db } from "@/server/db";
import type { Publish } from "@/server/events";
import { meetingViewers } from "@/server/meetings/access";
import { notify, withoutFailing } from "@/server/notifications/notify";

type MeetingFacts = { actorId: string; meeting: { id: string; groupId: string; title: string }; attendeeIds: readonly string[] };

/** A new meeting concerns the whole group: every member and admin hears of it (never guests, who cannot see meetings). */
export async function notifyMeetingNew(db: Db, publish: Publish, args: MeetingFacts): Promise<void> {
  await withoutFailing("meeting_new", async () => {
    await notify(db, publish, {
      recipients: await meetingViewers(db, args.meeting.groupId),
      kind: "meeting_new",
      actorId: args.actorId,
      groupId: args.meeting.groupId,
      title: args.meeting.title,
      url: `/meetings/${args.meeting.id}`,
    });
  });
}

/**
 * A change of time, place, link or agenda, or new minutes, concerns the people expected there:
 * the attendees, or the whole group when the meeting names none (an open meeting). Only those
 * who may still see the meeting are told.
 */
export async function notifyMeetingChanged(db: Db, publish: Publish, args: MeetingFacts & { minutes: boolean }): Promise<void> {
  await withoutFailing("meeting_changed", async () => {
    const { meeting } = args;
    const recipients = await meetingViewers(db, meeting.groupId, args.attendeeIds.length > 0 ? args.attendeeIds : undefined);
    await notify(db, publish, {
      recipients,
      kind: "meeting_changed",
      actorId: args.actorId,
      groupId: meeting.groupId,
      title: meeting.title,
      url: `/meetings/${meeting.id}${args.minutes ? "#minutes" : ""}`,
    });
  });
}
