import { describe, expect, it } from "vitest";
import { escapeText, foldLine, icsFilename, markdownToPlain, meetingToIcs, meetingCalendar } from "@/server/meetings/ics";
import { addMember, makeGroup, makeMeeting, makeUser } from "@/server/test/factories";

const meeting = {
  id: "cm123",
  title: "Budget, plans; and “next steps”",
  startsAt: new Date("2026-12-03T14:00:00Z"),
  endsAt: new Date("2026-12-03T16:00:00Z"),
  location: "Guildhall, Room 2",
  onlineUrl: "https://meet.example.org/steering",
  agenda: "## Agenda\n\n1. **Charter** — see [the draft](https://example.org/charter)\n2. Budget; Café Ünïcödé ".repeat(4),
  revision: 3,
  createdAt: new Date("2026-11-20T09:00:00Z"),
  updatedAt: new Date("2026-11-25T09:00:00Z"),
  groupName: "Steering group",
};

/** Content lines as a calendar app reads them: folded lines joined back together. */
function unfold(ics: string): string[] {
  return ics.replace(/\r\n[ \t]/g, "").split("\r\n");
}

describe("meeting calendar files", () => {
  const ics = meetingToIcs(meeting, "https://hearth.example.org/meetings/cm123", new Date("2026-11-26T10:00:00Z"));
  const lines = unfold(ics);

  it("has the key properties: stable UID, SEQUENCE from the revision, times in UTC, URL, LOCATION", () => {
    expect(lines.slice(0, 6)).toEqual(["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Hearth//Meetings//EN", "CALSCALE:GREGORIAN", "METHOD:PUBLISH", "BEGIN:VEVENT"]);
    expect(lines).toContain("UID:meeting-cm123@hearth");
    expect(lines).toContain("SEQUENCE:3");
    expect(lines).toContain("DTSTAMP:20261126T100000Z");
    expect(lines).toContain("DTSTART:20261203T140000Z");
    expect(lines).toContain("DTEND:20261203T160000Z");
    expect(lines).toContain("URL:https://hearth.example.org/meetings/cm123");
    expect(lines).toContain("SUMMARY:Budget\\, plans\\; and “next steps”");
    expect(lines).toContain("LOCATION:Guildhall\\, Room 2");
    expect(lines.at(-2)).toBe("END:VCALENDAR");
    expect(ics.endsWith("\r\n")).toBe(true);
  });

  it("puts the agenda in the description as plain text, with the online link and the page", () => {
    const description = lines.find((line) => line.startsWith("DESCRIPTION:"))!;
    expect(description).toMatch(/^DESCRIPTION:Agenda\\n\\n1\. Charter — see the draft \(https:\/\/example\.org\/charter\)\\n2\. Budget\\; Café/);
    expect(description).not.toContain("**");
    expect(description).toContain("Join online: https://meet.example.org/steering\\n\\nMeeting page: https://hearth.example.org/meetings/cm123");
  });

  it("folds every line to at most 75 octets without splitting a character", () => {
    const physical = ics.split("\r\n");
    expect(physical.length).toBeGreaterThan(lines.length);
    for (const line of physical) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
    expect(physical.some((line) => line.startsWith(" "))).toBe(true);
    expect(ics).not.toContain("\uFFFD");
    const folded = foldLine(`DESCRIPTION:${"é".repeat(100)}`);
    expect(folded.split("\r\n").map((line) => Buffer.byteLength(line))).toEqual([74, 75, 65]);
    expect(folded.replace(/\r\n /g, "")).toBe(`DESCRIPTION:${"é".repeat(100)}`);
  });

  it("escapes backslashes, semicolons, commas and newlines, and drops control characters", () => {
    expect(escapeText("a\\b;c,d\r\ne\nf\u0007")).toBe("a\\\\b\\;c\\,d\\ne\\nf");
  });

  it("leaves out DTEND when the meeting has no end, and uses the link as the place when there is none", () => {
    const online = unfold(meetingToIcs({ ...meeting, endsAt: null, location: "" }, "https://h.example/m", new Date()));
    expect(online.some((line) => line.startsWith("DTEND"))).toBe(false);
    expect(online).toContain("LOCATION:https://meet.example.org/steering");
  });

  it("turns markdown into readable text and titles into safe file names", () => {
    expect(markdownToPlain("# Hi\n\n* one _two_\n> quote")).toBe("Hi\n\n- one two\nquote");
    expect(icsFilename("Réunion: \"budget\" / 2026")).toBe("reunion-budget-2026.ics");
    expect(icsFilename("会議")).toBe("meeting.ics");
  });

  it("is served only to those who may see the meeting", async () => {
    const group = await makeGroup();
    const [admin, guest, outsider] = await Promise.all([makeUser(), makeUser(), makeUser()]);
    await addMember(group.id, admin.id, "admin");
    await addMember(group.id, guest.id, "guest");
    const { getDb } = await import("@/server/db");
    const made = await makeMeeting({ groupId: group.id, createdById: admin.id, title: "Open day" });
    const file = await meetingCalendar(getDb(), admin.id, made.id);
    expect(file.filename).toBe("open-day.ics");
    expect(file.body).toContain(`UID:meeting-${made.id}@hearth`);
    await expect(meetingCalendar(getDb(), guest.id, made.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(meetingCalendar(getDb(), outsider.id, made.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
