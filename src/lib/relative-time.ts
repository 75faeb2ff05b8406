export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** "5 minutes ago", "in 3 hours", "yesterday", "tomorrow": words rather than numbers where English has them. */
export const relative = new Intl.RelativeTimeFormat("en-GB", { numeric: "auto" });

/*
 * Formatters made once: Date#toLocaleString with options builds a new Intl.DateTimeFormat on every
 * call, which took 7 % of the server's time rendering a thread page of 50 comments.
 */
const DAY_MONTH = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long" });
const DAY_MONTH_YEAR = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric" });
const DATE_AND_TIME = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeStyle: "short" });

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
  return (date.getFullYear() === now.getFullYear() ? DAY_MONTH : DAY_MONTH_YEAR).format(date);
}

/** The full date and time, for a title beside a relative time. */
export function formatAbsolute(date: Date): string {
  return DATE_AND_TIME.format(date);
}
