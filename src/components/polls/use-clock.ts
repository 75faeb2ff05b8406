"use client";

import { useSyncExternalStore } from "react";

const MINUTE = 60_000;
const currentMinute = () => Math.floor(Date.now() / MINUTE) * MINUTE;
const subscribeMinute = (onTick: () => void) => {
  const timer = setInterval(onTick, MINUTE / 2);
  return () => clearInterval(timer);
};
const noSubscription = () => () => {};
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** Now, to the minute, kept current; the server's clock may differ a little, so render it with suppressHydrationWarning. */
export function useNow(): Date {
  return new Date(useSyncExternalStore(subscribeMinute, currentMinute, currentMinute));
}

/** The viewer's time zone; null while rendering on the server and hydrating, when it is not known yet. */
export function useViewerTimeZone(): string | null {
  return useSyncExternalStore(noSubscription, browserZone, () => null);
}
