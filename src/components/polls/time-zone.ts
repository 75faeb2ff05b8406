/**
 * Dates as people type and read them: `datetime-local` inputs hold wall-clock time in the
 * viewer's zone with no offset, and the server stores instants, so conversions happen here.
 */
const pad = (value: number) => String(value).padStart(2, "0");

/** "2026-11-30T14:00" for a datetime-local input, in this browser's time zone. */
export function toLocalInputValue(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The instant a datetime-local value means in this browser's time zone, or null when it is not one. */
export function fromLocalInputValue(value: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return null;
  // Date-time strings without an offset are local time (ECMAScript Date Time String Format).
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** A week from now, on the hour: the default closing time of a new poll. */
export function defaultClosingTime(now: Date): Date {
  const date = new Date(now.getTime() + 7 * 24 * 60 * 60 * 1000);
  date.setMinutes(0, 0, 0);
  date.setHours(date.getHours() + 1);
  return date;
}

/** "Tue, 15 Jan 2030, 10:00", in `timeZone` (the viewer's when left out). */
export function formatSlot(date: Date, timeZone?: string): string {
  return new Intl.DateTimeFormat("en-GB", {
    weekday: "short",
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone,
  }).format(date);
}

/** "Europe/Berlin (Central European Standard Time)": the zone's name and what it is called at `date`. */
export function timeZoneLabel(timeZone: string, date: Date): string {
  const name = new Intl.DateTimeFormat("en-GB", { timeZone, timeZoneName: "long" })
    .formatToParts(date)
    .find((part) => part.type === "timeZoneName")?.value;
  return name && name !== timeZone ? `${timeZone} (${name})` : timeZone;
}
