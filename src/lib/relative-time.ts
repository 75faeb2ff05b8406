export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** "5 minutes ago", "in 3 hours", "yesterday", "tomorrow": words rather than numbers where English has them. */
export const relative = new Intl.RelativeTimeFormat("en-GB", { numeric: "auto" });

/**
 * "just now", "5 minutes ago", "3 hours ago", "yesterday", "4 days ago", then a plain date
 * ("3 March", with the year when it is not this year). Future times (a clock a little ahead)
 * count as just now.
 */
export function formatRelative(date: Date, now: Date): string {
  const elapsed = now.getTime() - date.getTime();
  if (elapsed < MINUTE) return "just now";
  if (elapsed < HOUR) return relative.format(-Math.floor(elapsed / MINUTE), "minute");
  if (elapsed < DAY) return relative.format(-Math.floor(elapsed / HOUR), "hour");
  if (elapsed < 7 * DAY) return relative.format(-Math.floor(elapsed / DAY), "day");
  return date.toLocaleDateString("en-GB", {
    day: "numeric",
    month: "long",
    ...(date.getFullYear() !== now.getFullYear() && { year: "numeric" }),
  });
}

/** The full date and time, for a title beside a relative time. */
export function formatAbsolute(date: Date): string {
  return date.toLocaleString("en-GB", { dateStyle: "long", timeStyle: "short" });
}
