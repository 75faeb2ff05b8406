const DATE = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric" });
const DATE_TIME = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
});

/** "26 Nov 2026", in the reader's time zone. */
export function formatDate(date: Date): string {
  return DATE.format(date);
}

/** "26 Nov 2026, 14:05", in the reader's time zone. */
export function formatDateTime(date: Date): string {
  return DATE_TIME.format(date);
}

const DAY_PARTS = new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

/**
 * A calendar day stored as UTC midnight (a due date, a review date), "Thu 10 Dec 2026" in every
 * time zone. Built from parts: ICU versions differ on a comma after the weekday, and the server's
 * render must match the browser's.
 */
export function formatDay(day: Date): string {
  const parts = new Map(DAY_PARTS.formatToParts(day).map(({ type, value }) => [type, value]));
  return ["weekday", "day", "month", "year"].map((type) => parts.get(type as Intl.DateTimeFormatPartTypes)).join(" ");
}
