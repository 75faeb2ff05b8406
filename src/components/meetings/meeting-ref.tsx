import { CalendarDays } from "lucide-react";
import Link from "next/link";
import { formatSlot } from "@/components/polls/time-zone";

/** "Meeting: <title> · <date>" on a thread or poll linked to a meeting, leading to it. */
export function MeetingRef({ meeting }: { meeting: { id: string; title: string; startsAt: Date } | null }) {
  if (!meeting) return null;
  return (
    <p className="flex flex-wrap items-center gap-2">
      <CalendarDays aria-hidden="true" className="size-5 text-ember-700" />
      <span>
        Meeting:{" "}
        <Link href={`/meetings/${meeting.id}`} className="font-semibold text-ember-700 underline">
          {meeting.title}
        </Link>{" "}
        ·{" "}
        <time dateTime={meeting.startsAt.toISOString()} suppressHydrationWarning>
          {formatSlot(meeting.startsAt)}
        </time>
      </span>
    </p>
  );
}
