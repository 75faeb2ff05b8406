import Link from "next/link";
import type { RouterOutputs } from "@/lib/trpc/client";

type Decision = RouterOutputs["decision"]["list"]["items"][number];

/** Where the decision came from and what it touches: thread, poll, meeting, document version. */
export function DecisionLinks({ links }: { links: Decision["links"] }) {
  const items = [
    links.thread && { key: "thread", label: "Thread", href: `/threads/${links.thread.id}`, title: links.thread.title },
    links.poll && { key: "poll", label: "Poll", href: `/polls/${links.poll.id}`, title: links.poll.title },
    links.meeting && { key: "meeting", label: "Meeting", href: `/meetings/${links.meeting.id}`, title: links.meeting.title },
    links.document && {
      key: "document",
      label: "Document",
      href: `/documents/${links.document.id}/history?version=${links.document.versionId}`,
      title: `${links.document.title} — ${links.document.versionName}`,
    },
  ].filter((item) => !!item);
  if (items.length === 0) return null;
  return (
    <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm" aria-label="Linked to">
      {items.map((item) => (
        <li key={item.key} className="min-w-0 break-words">
          <span className="text-muted">{item.label}: </span>
          <Link href={item.href} className="text-ember-700 underline">
            {item.title}
          </Link>
        </li>
      ))}
    </ul>
  );
}
