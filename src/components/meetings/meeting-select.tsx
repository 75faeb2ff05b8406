"use client";

import { useQuery } from "@tanstack/react-query";
import { formatSlot } from "@/components/polls/time-zone";
import { SelectField } from "@/components/ui/select-field";
import { useTRPC } from "@/lib/trpc/client";

/**
 * "Meeting (optional)" for a new or edited thread, or a new decision: the group's upcoming meetings first, then
 * past ones. Shows nothing for people who cannot see the group's meetings, or when there are none.
 * `current`, the meeting already linked, stays listed even when it is past the first page.
 */
export function MeetingSelect({
  groupId,
  value,
  onChange,
  error,
  current,
}: {
  groupId: string;
  value: string;
  onChange: (meetingId: string) => void;
  error?: string;
  current?: { id: string; title: string; startsAt: Date } | null;
}) {
  const trpc = useTRPC();
  const upcoming = useQuery({ ...trpc.meeting.list.queryOptions({ groupId, when: "upcoming" }), retry: false });
  const past = useQuery({ ...trpc.meeting.list.queryOptions({ groupId, when: "past" }), retry: false });
  const meetings: { id: string; title: string; startsAt: Date }[] = [...(upcoming.data?.items ?? []), ...(past.data?.items ?? [])];
  if (meetings.length === 0) return null;
  if (current && !meetings.some((meeting) => meeting.id === current.id)) meetings.push(current);
  const options = [
    { value: "", label: "No meeting" },
    ...meetings.map((meeting) => ({ value: meeting.id, label: `${meeting.title} · ${formatSlot(meeting.startsAt)}` })),
  ];
  return (
    <SelectField label="Meeting (optional)" hint="Link this to a meeting of the group." value={value} onChange={(event) => onChange(event.target.value)} options={options} error={error} />
  );
}
