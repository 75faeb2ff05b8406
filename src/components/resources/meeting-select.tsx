"use client";

import { useQuery } from "@tanstack/react-query";
import { SelectField } from "@/components/ui/select-field";
import { formatDate } from "@/lib/dates";
import { useTRPC } from "@/lib/trpc/client";

/** Which meeting a resource is for: the group's upcoming meetings, then recent past ones. */
export function MeetingSelect({ groupId, value, onChange }: { groupId: string; value: string; onChange: (meetingId: string) => void }) {
  const trpc = useTRPC();
  const upcoming = useQuery(trpc.meeting.list.queryOptions({ groupId, when: "upcoming" }));
  const past = useQuery(trpc.meeting.list.queryOptions({ groupId, when: "past" }));
  const meetings = [...(upcoming.data?.items ?? []), ...(past.data?.items ?? [])];
  const options = [
    { value: "", label: "No meeting" },
    ...meetings.map((meeting) => ({ value: meeting.id, label: `${meeting.title} (${formatDate(meeting.startsAt)})` })),
  ];
  // A meeting chosen through ?meeting= may be older than the pages loaded here; keep it selectable.
  if (value && !meetings.some((meeting) => meeting.id === value)) options.push({ value, label: "The meeting you came from" });
  return <SelectField label="Meeting (optional)" value={value} onChange={(event) => onChange(event.target.value)} options={options} />;
}
