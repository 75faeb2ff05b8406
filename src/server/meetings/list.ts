import type { Prisma } from "@/generated/prisma/client.ts";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { requireInGroup } from "@/server/groups/standing";
import type { ListMeetingsInput, MeetingSummary } from "@/server/meetings/schemas";

const PAGE_SIZE = 25;

export function meetingSummarySelect(userId: string) {
  return {
    id: true,
    groupId: true,
    title: true,
    startsAt: true,
    endsAt: true,
    location: true,
    onlineUrl: true,
    minutes: true,
    _count: { select: { attendees: true } },
    attendees: { where: { userId }, select: { userId: true } },
  } satisfies Prisma.MeetingSelect;
}

type SummaryRow = Prisma.MeetingGetPayload<{ select: ReturnType<typeof meetingSummarySelect> }>;

export function toMeetingSummary(row: SummaryRow): MeetingSummary {
  return {
    id: row.id,
    groupId: row.groupId,
    title: row.title,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    location: row.location,
    onlineUrl: row.onlineUrl,
    attendeeCount: row._count.attendees,
    attending: row.attendees.length > 0,
    hasMinutes: row.minutes.trim() !== "",
  };
}

/** Not over yet: it ends later, or (with no end given) starts later. Spelled out both ways, as NOT meets NULL badly in SQL. */
export function whenWhere(upcoming: boolean, now: Date): Prisma.MeetingWhereInput {
  return upcoming
    ? { OR: [{ endsAt: { gte: now } }, { endsAt: null, startsAt: { gte: now } }] }
    : { OR: [{ endsAt: { lt: now } }, { endsAt: null, startsAt: { lt: now } }] };
}

/**
 * A group's meetings for its members and admins: upcoming ones soonest first, or past ones
 * latest first, 25 a page, paged by (startsAt, id).
 */
export async function listMeetings(db: Db, userId: string, input: ListMeetingsInput, now = new Date()) {
  await requireInGroup(db, userId, input.groupId, "meeting.view");
  const upcoming = input.when === "upcoming";
  const after = input.cursor ? decodeCursor(input.cursor) : null;
  const direction = upcoming ? "gt" : "lt";
  const rows = await db.meeting.findMany({
    where: {
      groupId: input.groupId,
      AND: [
        whenWhere(upcoming, now),
        after
          ? { OR: [{ startsAt: { [direction]: after.at } }, { startsAt: after.at, id: { [direction]: after.id } }] }
          : {},
      ],
    },
    select: meetingSummarySelect(userId),
    orderBy: upcoming ? [{ startsAt: "asc" }, { id: "asc" }] : [{ startsAt: "desc" }, { id: "desc" }],
    take: PAGE_SIZE + 1,
  });
  const page = rows.slice(0, PAGE_SIZE);
  const last = page.at(-1);
  return {
    items: page.map(toMeetingSummary),
    nextCursor: rows.length > PAGE_SIZE && last ? `${last.startsAt.getTime()}_${last.id}` : null,
  };
}

function decodeCursor(cursor: string): { at: Date; id: string } {
  const match = /^(\d+)_(.+)$/.exec(cursor);
  if (!match) throw new AppError("BAD_REQUEST", "That page position is not valid; reload the list.");
  return { at: new Date(Number(match[1])), id: match[2]! };
}
