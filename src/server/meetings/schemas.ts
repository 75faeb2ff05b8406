import { z } from "zod";
import { isWebScheme, parseWebAddress, schemeOf } from "@/lib/web-address";
import { zFileSummary } from "@/server/files/schemas";
import { refineMarkdown, withinSaneYears, zText } from "@/server/validation";

export const MAX_MEETING_MARKDOWN = 10_000;
export const ENDS_BEFORE_START = "The meeting must end after it starts.";

const zMeetingTitle = zText().trim().min(1, "Give the meeting a title").max(200, "Keep the title to 200 characters or fewer");
const zMarkdown = (what: string) =>
  zText()
    .max(MAX_MEETING_MARKDOWN, `Keep the ${what} under ${MAX_MEETING_MARKDOWN.toLocaleString("en-GB")} characters`)
    .superRefine(refineMarkdown);

/**
 * Only web addresses: the link is shown to every member and put in calendar files, where a
 * javascript: or data: address could run code.
 */
export const zOnlineUrl = z
  .string()
  .trim()
  .max(500, "Keep the online link under 500 characters")
  .superRefine((value, context) => {
    if (value === "") return;
    const scheme = schemeOf(value);
    if (scheme && !isWebScheme(scheme)) {
      context.addIssue({
        code: "custom",
        message: `“${scheme}:” links are not allowed. Enter a web address starting with https:// or http://.`,
      });
      return;
    }
    if (!parseWebAddress(value)) context.addIssue({ code: "custom", message: "Enter a web address starting with https:// or http://." });
  });

const zId = z.string().min(1).max(64);

const meetingFields = {
  title: zMeetingTitle,
  startsAt: withinSaneYears(z.coerce.date("Choose when the meeting starts")),
  endsAt: withinSaneYears(z.coerce.date("Choose when the meeting ends")).nullable().optional(),
  location: zText().trim().max(300, "Keep the place under 300 characters").optional(),
  /** Empty or null removes the link. */
  onlineUrl: zOnlineUrl.nullable().optional(),
  agenda: zMarkdown("agenda").optional(),
  attendeeIds: z.array(zId).max(500, "Choose at most 500 attendees").optional(),
};

export const zCreateMeetingInput = z
  .object({ groupId: zId, ...meetingFields })
  .refine((input) => !input.endsAt || input.endsAt > input.startsAt, { message: ENDS_BEFORE_START, path: ["endsAt"] });
export type CreateMeetingInput = z.infer<typeof zCreateMeetingInput>;

export const zUpdateMeetingInput = z.object({
  id: zId,
  title: meetingFields.title.optional(),
  startsAt: meetingFields.startsAt.optional(),
  endsAt: meetingFields.endsAt,
  location: meetingFields.location,
  onlineUrl: meetingFields.onlineUrl,
  agenda: meetingFields.agenda,
  minutes: zMarkdown("minutes").optional(),
  attendeeIds: meetingFields.attendeeIds,
});
export type UpdateMeetingInput = z.infer<typeof zUpdateMeetingInput>;

export const zListMeetingsInput = z.object({
  groupId: zId,
  /** Upcoming: not yet over, soonest first. Past: over, latest first. */
  when: z.enum(["upcoming", "past"]).default("upcoming"),
  /** Infinite queries send null for the first page; a next page's is "<time in ms>_<id>". */
  cursor: z.string().max(100).regex(/^\d{1,15}_\S+$/, "That page position is not valid; reload the list.").nullish(),
});
export type ListMeetingsInput = z.infer<typeof zListMeetingsInput>;

export const zMeetingIdInput = z.object({ id: zId });

const zPersonRef = z.object({ id: z.string(), name: z.string() });

export const zMeetingSummary = z.object({
  id: z.string(),
  groupId: z.string(),
  title: z.string(),
  startsAt: z.date(),
  endsAt: z.date().nullable(),
  location: z.string(),
  onlineUrl: z.string().nullable(),
  attendeeCount: z.number().int(),
  /** The viewer is one of the attendees. */
  attending: z.boolean(),
  hasMinutes: z.boolean(),
});
export type MeetingSummary = z.infer<typeof zMeetingSummary>;

export const zMeetingList = z.object({ items: z.array(zMeetingSummary), nextCursor: z.string().nullable() });

export const zMeetingResource = z.object({
  id: z.string(),
  title: z.string(),
  kind: z.enum(["file", "link"]),
  draft: z.boolean(),
  /** Links only. */
  url: z.string().nullable(),
  /** Files only: the latest version. */
  file: zFileSummary.nullable(),
});

export const zMeetingDetail = zMeetingSummary.extend({
  group: z.object({ id: z.string(), name: z.string(), handle: z.string() }),
  agenda: z.string(),
  minutes: z.string(),
  /** The agenda and minutes cooked to HTML (src/server/markdown/cook.ts), as the page shows them. */
  agendaHtml: z.string(),
  minutesHtml: z.string(),
  revision: z.number().int(),
  createdBy: zPersonRef,
  createdAt: z.date(),
  updatedAt: z.date(),
  attendees: z.array(zPersonRef),
  resources: z.array(zMeetingResource),
  threads: z.array(z.object({ id: z.string(), title: z.string() })),
  polls: z.array(z.object({ id: z.string(), title: z.string(), closed: z.boolean() })),
  viewer: z.object({
    canManage: z.boolean(),
    canAddResource: z.boolean(),
    canStartThread: z.boolean(),
    canStartPoll: z.boolean(),
  }),
});
export type MeetingDetail = z.infer<typeof zMeetingDetail>;

/** What a thread or poll shows of the meeting it is linked to. */
export const zMeetingRef = z.object({ id: z.string(), title: z.string(), startsAt: z.date() });
export type MeetingRef = z.infer<typeof zMeetingRef>;
