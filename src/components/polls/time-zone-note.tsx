"use client";

import { Globe } from "lucide-react";
import { timeZoneLabel } from "@/components/polls/time-zone";
import { useNow, useViewerTimeZone } from "@/components/polls/use-clock";

/** Says which zone meeting times are shown in; until the browser's zone is known, they are in UTC. */
export function TimeZoneNote() {
  const zone = useViewerTimeZone();
  const now = useNow();
  return (
    <p className="flex items-center gap-2 text-sm text-muted" data-testid="time-zone">
      <Globe aria-hidden="true" className="size-4 shrink-0" />
      <span suppressHydrationWarning>Times are shown in your time zone: {timeZoneLabel(zone ?? "UTC", now)}</span>
    </p>
  );
}
