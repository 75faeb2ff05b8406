import { formatSlot } from "@/components/polls/time-zone";

const TIME = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit" });

function sameDay(a: Date, b: Date): boolean {
  return a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();
}

/**
 * "Tue, 3 Dec 2026, 14:00 – 16:00" in the reader's time zone. The server may render another
 * zone, so the text is allowed to change when the browser takes over.
 */
export function MeetingTime({ startsAt, endsAt }: { startsAt: Date; endsAt?: Date | null }) {
  const end = endsAt ? (sameDay(startsAt, endsAt) ? TIME.format(endsAt) : formatSlot(endsAt)) : null;
  return (
    <span suppressHydrationWarning>
      <time dateTime={startsAt.toISOString()} suppressHydrationWarning>
        {formatSlot(startsAt)}
      </time>
      {endsAt && end && (
        <>
          {" – "}
          <time dateTime={endsAt.toISOString()} suppressHydrationWarning>
            {end}
          </time>
        </>
      )}
    </span>
  );
}
