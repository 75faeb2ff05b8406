"use client";

import { useSyncExternalStore } from "react";
import { formatAbsolute, formatRelative } from "@/lib/relative-time";

const MINUTE = 60_000;
const currentMinute = () => Math.floor(Date.now() / MINUTE) * MINUTE;

function subscribe(onMinute: () => void) {
  const timer = setInterval(onMinute, MINUTE / 2);
  return () => clearInterval(timer);
}

/** "3 hours ago", kept current each minute, with the full date and time as a title. */
export function TimeAgo({ date, className }: { date: Date; className?: string }) {
  const now = useSyncExternalStore(subscribe, currentMinute, currentMinute);
  return (
    // The server's clock and time zone may differ from the reader's by a little.
    <time dateTime={date.toISOString()} title={formatAbsolute(date)} className={className} suppressHydrationWarning>
      {formatRelative(date, new Date(now))}
    </time>
  );
}
