import type { Db } from "@/server/db";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
type People = { alex: string; priya: string; tom: string; grace: string };

const DAY = 24 * 60 * 60 * 1000;

/** `days` from today at `hour`:00 server time, so the demo's meetings sit at plausible times. */
function at(days: number, hour: number): Date {
  const date = new Date(Date.now() + days * DAY);
  date.setHours(hour, 0, 0, 0);
  return date;
}

/**
 * Two meetings of the demo steering group: November's, held, with minutes (the meeting poll and
 * the library's agenda link to it), and December's, ahead, with an agenda and attendees (the
 * charter thread links to it).
 */
export async function seedDemoMeetings(tx: Tx, groupId: string, people: People): Promise<void> {
  const november = await tx.meeting.create({
    data: {
      groupId,
      createdById: people.alex,
      title: "November steering group meeting",
      startsAt: at(-2, 14),
      endsAt: at(-2, 16),
      location: "Guildhall, High Street, Bath",
      agenda: "1. Welcome and apologies\n2. Hearth: moving from Loomio\n3. The Compassionate City Charter\n4. Bereavement café pilot",
      minutes:
        "**Present:** Alex, Priya, Tom, Grace.\n\n" +
        "- Hearth replaces Loomio from this month; Alex will help anyone who needs it.\n" +
        "- The charter goes to a proposal on Hearth, closing next week.\n" +
        "- Grace will find a venue for the bereavement café pilot.",
      revision: 2,
      attendees: { create: [people.alex, people.priya, people.tom, people.grace].map((userId) => ({ userId })) },
    },
    select: { id: true },
  });
  const december = await tx.meeting.create({
    data: {
      groupId,
      createdById: people.alex,
      title: "December steering group meeting",
      startsAt: at(12, 14),
      endsAt: at(12, 16),
      location: "Dorothy House, Winsley",
      onlineUrl: "https://meet.jit.si/compassionate-community-steering",
      agenda:
        "1. Charter: the result of the proposal and who signs\n2. Bereavement café pilot: venue and dates\n" +
        "3. Vision document: first draft from the working group\n4. Any other business",
      attendees: { create: [people.alex, people.priya, people.tom].map((userId) => ({ userId })) },
    },
    select: { id: true },
  });
  await tx.thread.updateMany({ where: { groupId, title: "Adopting the Compassionate City Charter" }, data: { meetingId: december.id } });
  await tx.poll.updateMany({ where: { groupId, title: "November steering group meeting" }, data: { meetingId: november.id } });
  await tx.resource.updateMany({ where: { groupId, title: "Agenda: November meeting" }, data: { meetingId: november.id } });
}
