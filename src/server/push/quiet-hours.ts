/** Quiet hours: no push from 21:00 until 08:00 in the person's time zone, unless they ask for it at night. */
export const QUIET_FROM_HOUR = 21;
export const QUIET_UNTIL_HOUR = 8;

/** The hour (0–23) at `now` in `timeZone`, or in `fallback` when the zone is unknown to this runtime. */
export function hourIn(now: Date, timeZone: string, fallback = "Europe/London"): number {
  const format = (zone: string) =>
    Number(new Intl.DateTimeFormat("en-GB", { timeZone: zone, hour: "numeric", hourCycle: "h23" }).format(now));
  try {
    return format(timeZone);
  } catch {
    return format(fallback);
  }
}

/** Whether `now` is a quiet hour for someone in `timeZone` (null: they have not said; `fallback` is used). */
export function inQuietHours(now: Date, timeZone: string | null, fallback = "Europe/London"): boolean {
  const hour = hourIn(now, timeZone ?? fallback, fallback);
  return hour >= QUIET_FROM_HOUR || hour < QUIET_UNTIL_HOUR;
}
