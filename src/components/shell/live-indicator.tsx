"use client";

import { useRealtime, type LiveStatus } from "@/lib/realtime/socket-provider";
import { cn } from "@/components/ui/cn";
import { Tooltip } from "@/components/ui/tooltip";

const LABELS: Record<LiveStatus, string> = {
  connecting: "Connecting…",
  live: "Live",
  reconnecting: "Reconnecting…",
  "signed-out": "Offline: please sign in again",
};

/** What the pill means, for people who wonder; also the whole label when a narrow header cuts it short. */
const EXPLANATIONS: Record<LiveStatus, string> = {
  connecting: "Connecting, so that updates appear as they happen",
  live: "Updates appear as they happen",
  reconnecting: "The connection was lost: updates will appear again once it is back",
  "signed-out": "Offline: please sign in again to see updates as they happen",
};

/**
 * Tells people whether what they see is up to date; announced politely when it changes. It takes
 * keyboard focus only so that its explanation can be read without a mouse.
 */
export function LiveIndicator() {
  const { status } = useRealtime();
  return (
    <Tooltip content={EXPLANATIONS[status]}>
      <span
        role="status"
        aria-live="polite"
        tabIndex={0}
        data-testid="live-indicator"
        data-status={status}
        className="inline-flex min-w-0 items-center gap-2 rounded-full border border-line bg-card px-3 py-1 text-sm font-medium"
      >
        <span
          aria-hidden="true"
          className={cn("size-2.5 shrink-0 rounded-full", status === "live" ? "bg-live" : "animate-pulse bg-ember-600")}
        />
        <span className="truncate">{LABELS[status]}</span>
      </span>
    </Tooltip>
  );
}
