"use client";

import { AttendeePicker } from "@/components/meetings/attendee-picker";
import type { MemberChoice } from "@/components/members/member-picker";
import { fromLocalInputValue, toLocalInputValue } from "@/components/polls/time-zone";
import { MarkdownEditor } from "@/components/threads/markdown-editor";
import { TextField } from "@/components/ui/text-field";
import { TitleField } from "@/components/ui/title-field";
import type { RouterOutputs } from "@/lib/trpc/client";
import { MAX_MEETING_MARKDOWN } from "@/server/meetings/schemas";

/** What the schedule and edit forms hold, as typed: times are datetime-local values in the viewer's zone. */
export type MeetingForm = {
  title: string;
  startsAt: string;
  endsAt: string;
  location: string;
  onlineUrl: string;
  agenda: string;
  attendees: MemberChoice[];
};

type FieldErrors = Record<string, string[] | undefined> | null;

/** Next week at 10:00, for a new meeting. */
export function blankMeetingForm(now: Date): MeetingForm {
  const start = new Date(now.getTime() + 7 * 24 * 60 * 60 * 1000);
  start.setHours(10, 0, 0, 0);
  const end = new Date(start.getTime() + 2 * 60 * 60 * 1000);
  return { title: "", startsAt: toLocalInputValue(start), endsAt: toLocalInputValue(end), location: "", onlineUrl: "", agenda: "", attendees: [] };
}

export function meetingFormFrom(meeting: RouterOutputs["meeting"]["byId"]): MeetingForm {
  return {
    title: meeting.title,
    startsAt: toLocalInputValue(meeting.startsAt),
    endsAt: meeting.endsAt ? toLocalInputValue(meeting.endsAt) : "",
    location: meeting.location,
    onlineUrl: meeting.onlineUrl ?? "",
    agenda: meeting.agenda,
    attendees: meeting.attendees,
  };
}

export type MeetingFormCheck =
  | {
      ok: true;
      input: { title: string; startsAt: Date; endsAt: Date | null; location: string; onlineUrl: string; agenda: string; attendeeIds: string[] };
    }
  | { ok: false; field: "startsAt" | "endsAt"; message: string };

/** The times read as dates in this browser; every other rule is the server's. */
export function checkMeetingForm(form: MeetingForm): MeetingFormCheck {
  const startsAt = fromLocalInputValue(form.startsAt);
  if (!startsAt) return { ok: false, field: "startsAt", message: "Choose the date and time the meeting starts." };
  const endsAt = form.endsAt.trim() ? fromLocalInputValue(form.endsAt) : null;
  if (form.endsAt.trim() && !endsAt) return { ok: false, field: "endsAt", message: "Choose a date and time for the end, or leave it empty." };
  return {
    ok: true,
    input: {
      title: form.title,
      startsAt,
      endsAt,
      location: form.location,
      onlineUrl: form.onlineUrl,
      agenda: form.agenda,
      attendeeIds: form.attendees.map(({ id }) => id),
    },
  };
}

/** The fields of a meeting, shared by "Schedule a meeting" and "Edit meeting". */
export function MeetingFormFields({
  groupId,
  form,
  update,
  fields,
  localError,
}: {
  groupId: string;
  form: MeetingForm;
  update: (patch: Partial<MeetingForm>) => void;
  fields: FieldErrors;
  localError: { field: "startsAt" | "endsAt"; message: string } | null;
}) {
  const errorFor = (field: string) => (localError?.field === field ? localError.message : fields?.[field]?.[0]);
  return (
    <>
      <TitleField value={form.title} onChange={(event) => update({ title: event.target.value })} error={errorFor("title")} required />
      <div className="grid gap-4">
        <TextField
          label="Starts"
          hint="In your time zone."
          type="datetime-local"
          value={form.startsAt}
          onChange={(event) => update({ startsAt: event.target.value })}
          error={errorFor("startsAt")}
          required
        />
        <TextField
          label="Ends (optional)"
          hint="Leave empty when there is no set end."
          type="datetime-local"
          value={form.endsAt}
          onChange={(event) => update({ endsAt: event.target.value })}
          error={errorFor("endsAt")}
        />
      </div>
      <TextField
        label="Place (optional)"
        hint="An address or a room."
        value={form.location}
        onChange={(event) => update({ location: event.target.value })}
        error={errorFor("location")}
        maxLength={300}
      />
      <TextField
        label="Online link (optional)"
        hint="A video call address starting with https://"
        type="url"
        inputMode="url"
        value={form.onlineUrl}
        onChange={(event) => update({ onlineUrl: event.target.value })}
        error={errorFor("onlineUrl")}
        maxLength={500}
      />
      <MarkdownEditor label="Agenda (optional)" value={form.agenda} onChange={(agenda) => update({ agenda })} error={errorFor("agenda")} rows={6} maxLength={MAX_MEETING_MARKDOWN} />
      <AttendeePicker groupId={groupId} chosen={form.attendees} onChange={(attendees) => update({ attendees })} error={errorFor("attendeeIds")} />
    </>
  );
}
