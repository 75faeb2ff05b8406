import { CircleCheck } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { DECISION_NOUNS, type ActivityItem } from "@/components/activity/activity-filters";
import { MeetingTime } from "@/components/meetings/meeting-time";
import { DraftBadge } from "@/components/resources/draft-badge";
import { TimeAgo } from "@/components/threads/time-ago";
import { Avatar } from "@/components/ui/avatar";

const capitalised = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1);

/** The item's words, its title a link to the exact place. Outcomes and adoptions may have nobody recorded: "Someone". */
function Sentence({ item }: { item: ActivityItem }) {
  const who = <span className="font-semibold">{item.actor?.name ?? "Someone"}</span>;
  const link = (text: ReactNode = item.title) => (
    <Link href={item.url} className="font-semibold text-ember-700 underline underline-offset-2 hover:text-ember-800">
      {text}
    </Link>
  );
  switch (item.type) {
    case "thread":
      return <>{who} started the thread {link()}</>;
    case "decision_opened":
      return <>{who} started {DECISION_NOUNS[item.details.pollKind]}: {link()}</>;
    case "decision_closed":
      return <>{capitalised(DECISION_NOUNS[item.details.pollKind])} closed: {link()}</>;
    case "outcome":
      return <>{who} recorded the outcome of {link()}</>;
    case "document_adopted":
      return <>{who} recorded that the group adopted {link(`“${item.details.versionName}” of ${item.title}`)}</>;
    case "resource":
      return item.details.draft ? <>{who} added the draft {link()}</> : <>{who} published {link()}</>;
    case "meeting":
      return (
        <>
          {who} scheduled the meeting {link()} for <MeetingTime startsAt={item.details.startsAt} />
        </>
      );
  }
}

/** One line of the feed: who, what (linking to it), and when, relative with the full time on hover. */
export function ActivityEntry({ item }: { item: ActivityItem }) {
  return (
    <li className="flex gap-3 rounded-xl border border-line bg-card p-4 shadow-sm">
      {item.actor ? (
        <Avatar userId={item.actor.id} name={item.actor.name} imageUrl={item.actor.avatarUrl} />
      ) : (
        <span aria-hidden="true" className="inline-flex size-10 shrink-0 items-center justify-center rounded-full bg-ember-50 text-ember-800">
          <CircleCheck className="size-5" />
        </span>
      )}
      <div className="min-w-0 flex-1">
        <p className="break-words">
          <Sentence item={item} />
        </p>
        {item.type === "outcome" && item.details.summary && <p className="mt-1 break-words text-muted">{item.details.summary}</p>}
        <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-muted">
          <TimeAgo date={item.createdAt} />
          {item.type === "resource" && item.details.draft && <DraftBadge />}
        </p>
      </div>
    </li>
  );
}
