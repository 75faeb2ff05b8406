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
