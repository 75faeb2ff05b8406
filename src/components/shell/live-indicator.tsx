"use client";

import { useRealtime, type LiveStatus } from "@/lib/realtime/socket-provider";
import { cn } from "@/components/ui/cn";

const LABELS: Record<LiveStatus, string> = {
  connecting: "Connecting…",
  live: "Live",
  reconnecting: "Reconnecting…",
  "signed-out": "Offline: please sign in again",
};

/** Tells people whether what they see is up to date; announced politely when it changes. */
export function LiveIndicator() {
  const { status } = useRealtime();
  return (
    <span
      role="status"
      aria-live="polite"
      data-testid="live-indicator"
      data-status={status}
      className="inline-flex items-center gap-2 rounded-full border border-line bg-card px-3 py-1 text-sm font-medium"
    >
      <span
        aria-hidden="true"
        className={cn("size-2.5 rounded-full", status === "live" ? "bg-live" : "animate-pulse bg-ember-600")}
      />
      {LABELS[status]}
    </span>
  );
}
