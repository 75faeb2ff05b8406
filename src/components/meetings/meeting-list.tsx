"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { CheckCircle2, MapPin, Video } from "lucide-react";
import Link from "next/link";
import { MeetingTime } from "@/components/meetings/meeting-time";
import { useMeetingsLive } from "@/components/meetings/use-meetings-live";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { errorMessage } from "@/lib/trpc/error-message";
import { useTRPC, type RouterOutputs } from "@/lib/trpc/client";

type Summary = RouterOutputs["meeting"]["list"]["items"][number];

function MeetingRow({ meeting }: { meeting: Summary }) {
  return (
    <li className="flex flex-col gap-1 rounded-lg border border-line bg-card px-4 py-3">
      <Link href={`/meetings/${meeting.id}`} className="break-words text-lg font-semibold text-ember-700 underline">
        {meeting.title}
      </Link>
      <p className="font-medium">
        <MeetingTime startsAt={meeting.startsAt} endsAt={meeting.endsAt} />
      </p>
      <p className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm text-muted">
        {meeting.location && (
          <span className="inline-flex items-center gap-1">
            <MapPin aria-hidden="true" className="size-4" /> {meeting.location}
          </span>
        )}
        {meeting.onlineUrl && (
          <span className="inline-flex items-center gap-1">
            <Video aria-hidden="true" className="size-4" /> Online
          </span>
        )}
        {meeting.attendeeCount > 0 && <span>{meeting.attendeeCount === 1 ? "1 attendee" : `${meeting.attendeeCount} attendees`}</span>}
        {meeting.attending && (
          <span className="inline-flex items-center gap-1 font-semibold text-live">
            <CheckCircle2 aria-hidden="true" className="size-4" /> You are invited
          </span>
        )}
        {meeting.hasMinutes && <span className="font-semibold text-ink">Minutes available</span>}
      </p>
    </li>
  );
}

/** One list of a group's meetings, upcoming (soonest first) or past (latest first), with "Show more". */
export function MeetingList({ groupId, when, title }: { groupId: string; when: "upcoming" | "past"; title: string }) {
  const trpc = useTRPC();
  const meetings = useInfiniteQuery(trpc.meeting.list.infiniteQueryOptions({ groupId, when }, { getNextPageParam: (page) => page.nextCursor }));
  useMeetingsLive(groupId);
  const items = meetings.data?.pages.flatMap((page) => page.items) ?? [];
  const headingId = `meetings-${when}`;

  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-3">
      <h3 id={headingId} className="text-xl font-bold">
        {title}
      </h3>
      {meetings.error && <Alert>{errorMessage(meetings.error)}</Alert>}
      {meetings.isPending && <p className="text-muted">Loading meetings…</p>}
      {meetings.data && items.length === 0 && <p className="text-muted">{when === "upcoming" ? "No meetings planned." : "No past meetings yet."}</p>}
      {items.length > 0 && (
        <ul className="flex flex-col gap-2">
          {items.map((meeting) => (
            <MeetingRow key={meeting.id} meeting={meeting} />
          ))}
        </ul>
      )}
      {meetings.hasNextPage && (
        <Button variant="secondary" className="self-start" onClick={() => void meetings.fetchNextPage()} disabled={meetings.isFetchingNextPage}>
          {meetings.isFetchingNextPage ? "Loading…" : "Show more"}
        </Button>
      )}
    </section>
  );
}
