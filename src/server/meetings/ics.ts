import type { Db } from "@/server/db";
import { absoluteUrl } from "@/server/mail/service";
import { requireMeeting } from "@/server/meetings/access";
import { meetingPlanSelect } from "@/server/meetings/write";
import { slugify } from "@/lib/slug";

/**
 * RFC 5545 calendar files, written by hand: the `ics` package folds lines at 75 characters
 * rather than 75 octets, so agendas with accents or emoji came out with over-long lines.
 */

const MAX_OCTETS = 75;

/** TEXT values: backslash, semicolon, comma and newlines escaped; other control characters dropped. */
export function escapeText(value: string): string {
  return value
    .replace(/\r\n?/g, "\n")
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "")
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\n/g, "\\n");
}

/** Folds a content line so no line exceeds 75 octets, never splitting a UTF-8 character. */
export function foldLine(line: string): string {
  const lines: string[] = [];
  let current = "";
  let octets = 0;
  for (const character of line) {
    const size = Buffer.byteLength(character, "utf8");
    if (octets + size > MAX_OCTETS) {
      lines.push(current);
      current = " ";
      octets = 1;
    }
    current += character;
    octets += size;
  }
  lines.push(current);
  return lines.join("\r\n");
}

/** 20261126T140500Z */
export function formatUtc(date: Date): string {
  return date.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
}

/** Markdown as readable plain text for calendar apps: link targets kept in brackets, markup dropped. */
export function markdownToPlain(markdown: string): string {
  return markdown
    .replace(/\r\n?/g, "\n")
    .replace(/!?\[([^\]]*)\]\(([^)\s]*)[^)]*\)/g, (_match, text: string, url: string) => (url && url !== text ? `${text} (${url})` : text))
    .replace(/^\s{0,3}#{1,6}\s+/gm, "")
    .replace(/^\s{0,3}>\s?/gm, "")
    .replace(/^(\s*)[*+]\s+/gm, "$1- ")
    .replace(/(\*\*|__|~~|`)/g, "")
    .replace(/(^|[\s(])[*_]([^*_\n]+)[*_]/g, "$1$2")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

export type CalendarMeeting = {
  id: string;
  title: string;
  startsAt: Date;
  endsAt: Date | null;
  location: string;
  onlineUrl: string | null;
  agenda: string;
  revision: number;
  createdAt: Date;
  updatedAt: Date;
  groupName: string;
};

/**
 * One VEVENT in a VCALENDAR. UID is stable per meeting and SEQUENCE is its revision, so calendar
 * apps replace an imported copy when the meeting changes. Without an end, the event has none
 * (RFC 5545: it ends when it starts) rather than an invented length.
 */
export function meetingToIcs(meeting: CalendarMeeting, pageUrl: string, now: Date): string {
  const description = [
    meeting.agenda.trim() ? markdownToPlain(meeting.agenda) : "",
    meeting.onlineUrl ? `Join online: ${meeting.onlineUrl}` : "",
    `Meeting page: ${pageUrl}`,
  ]
    .filter(Boolean)
    .join("\n\n");
  const location = meeting.location.trim() || meeting.onlineUrl || "";
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Hearth//Meetings//EN",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    "BEGIN:VEVENT",
    `UID:meeting-${meeting.id}@hearth`,
    `DTSTAMP:${formatUtc(now)}`,
    `CREATED:${formatUtc(meeting.createdAt)}`,
    `LAST-MODIFIED:${formatUtc(meeting.updatedAt)}`,
    `SEQUENCE:${meeting.revision}`,
    `DTSTART:${formatUtc(meeting.startsAt)}`,
    ...(meeting.endsAt ? [`DTEND:${formatUtc(meeting.endsAt)}`] : []),
    `SUMMARY:${escapeText(meeting.title)}`,
    ...(location ? [`LOCATION:${escapeText(location)}`] : []),
    `DESCRIPTION:${escapeText(description)}`,
    `URL:${pageUrl}`,
    `CATEGORIES:${escapeText(meeting.groupName)}`,
    "STATUS:CONFIRMED",
    "END:VEVENT",
    "END:VCALENDAR",
  ];
  return lines.map(foldLine).join("\r\n") + "\r\n";
}

/** A file name safe in any header and file system: the title's letters and digits, then .ics. */
export function icsFilename(title: string): string {
  return `${slugify(title, 60) || "meeting"}.ics`;
}

/** The calendar file for whoever may see the meeting (NOT_FOUND otherwise, as `meeting.byId`). */
export async function meetingCalendar(db: Db, userId: string, meetingId: string, now = new Date()) {
  await requireMeeting(db, userId, meetingId);
  const meeting = await db.meeting.findUniqueOrThrow({
    where: { id: meetingId },
    select: {
      id: true,
      ...meetingPlanSelect,
      revision: true,
      createdAt: true,
      updatedAt: true,
      group: { select: { name: true } },
    },
  });
  const { group, ...rest } = meeting;
  return {
    filename: icsFilename(meeting.title),
    body: meetingToIcs({ ...rest, groupName: group.name }, absoluteUrl(`/meetings/${meeting.id}`), now),
  };
}
