import { formatDate, formatDateTime } from "@/lib/dates";

/**
 * A date in the reader's time zone. The server may render it in another zone, so the text is
 * allowed to differ when the browser takes over.
 */
export function LocalTime({ date, withTime = false }: { date: Date; withTime?: boolean }) {
  return (
    <time dateTime={date.toISOString()} suppressHydrationWarning>
      {withTime ? formatDateTime(date) : formatDate(date)}
    </time>
  );
}
