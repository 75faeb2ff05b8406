import { DAY, HOUR, MINUTE, relative } from "@/lib/relative-time";

/**
 * How long until a future time, for a deadline: "in 5 minutes", "in 3 hours", "tomorrow",
 * "in 2 days". Days are rounded, so 47 hours reads "in 2 days" rather than "tomorrow".
 * A time already past (a clock a little behind) reads "in under a minute".
 */
export function formatTimeUntil(date: Date, now: Date): string {
  const remaining = date.getTime() - now.getTime();
  if (remaining < MINUTE) return "in under a minute";
  if (remaining < HOUR) return relative.format(Math.floor(remaining / MINUTE), "minute");
  if (remaining < DAY) return relative.format(Math.floor(remaining / HOUR), "hour");
  return relative.format(Math.round(remaining / DAY), "day");
}
