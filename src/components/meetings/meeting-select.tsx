"use client";

import { useQuery } from "@tanstack/react-query";
import { formatSlot } from "@/components/polls/time-zone";
import { SelectField } from "@/components/ui/select-field";
import { useTRPC } from "@/lib/trpc/client";

/**
 * "Meeting (optional)" for a new thread or decision: the group's upcoming meetings first, then
 * past ones. Shows nothing for people who cannot see the group's meetings, or when there are none.
 */
export function MeetingSelect({
  groupId,
  value,
  onChange,
  error,
}: {
  groupId: string;
  value: string;
  onChange: (meetingId: string) => void;
  error?: string;
}) {
  const trpc = useTRPC();
  const upcoming = useQuery({ ...trpc.meeting.list.queryOptions({ groupId, when: "upcoming" }), retry: false });
  const past = useQuery({ ...trpc.meeting.list.queryOptions({ groupId, when: "past" }), retry: false });
  const meetings = [...(upcoming.data?.items ?? []), ...(past.data?.items ?? [])];
  if (meetings.length === 0) return null;
  const options = [
    { value: "", label: "No meeting" },
    ...meetings.map((meeting) => ({ value: meeting.id, label: `${meeting.title} · ${formatSlot(meeting.startsAt)}` })),
  ];
  return (
    <SelectField label="Meeting (optional)" hint="Link this to a meeting of the group." value={value} onChange={(event) => onChange(event.target.value)} options={options} error={error} />
  );
}
