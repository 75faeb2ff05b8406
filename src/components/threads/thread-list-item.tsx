import { Lock, MessageSquare, Pin } from "lucide-react";
import Link from "next/link";
import { TimeAgo } from "@/components/threads/time-ago";
import type { RouterOutputs } from "@/lib/trpc/client";

type ThreadSummary = RouterOutputs["thread"]["list"]["items"][number];

function UnreadBadge({ thread }: { thread: ThreadSummary }) {
  const label = thread.unseen ? "New" : thread.unreadCount > 0 ? `${thread.unreadCount} unread` : null;
  if (!label) return null;
  return <span className="shrink-0 rounded-full bg-ember-700 px-3 py-0.5 text-sm font-semibold text-white">{label}</span>;
}

export function ThreadListItem({ thread, onTag }: { thread: ThreadSummary; onTag: (tag: string) => void }) {
  return (
    <li className="rounded-xl border border-line bg-card p-4 shadow-sm">
      <div className="flex items-start justify-between gap-3">
        <h3 className="min-w-0 break-words text-lg font-semibold">
          <Link href={`/threads/${thread.id}`} className="text-ink underline-offset-4 hover:underline">
            {thread.title}
          </Link>
        </h3>
        <UnreadBadge thread={thread} />
      </div>
      {(thread.pinned || thread.closed) && (
        <p className="mt-1 flex flex-wrap gap-3 text-sm font-semibold text-ember-800">
          {thread.pinned && (
            <span className="inline-flex items-center gap-1">
              <Pin aria-hidden="true" className="size-4" /> Pinned
            </span>
          )}
          {thread.closed && (
            <span className="inline-flex items-center gap-1">
              <Lock aria-hidden="true" className="size-4" /> Closed
            </span>
          )}
        </p>
      )}
      {thread.excerpt && <p className="mt-2 break-words text-muted">{thread.excerpt}</p>}
      <p className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-muted">
        <span>
          by <span className="font-semibold text-ink">{thread.author.name}</span>
        </span>
        <span>
          active <TimeAgo date={thread.lastActivityAt} />
        </span>
        <span className="inline-flex items-center gap-1">
          <MessageSquare aria-hidden="true" className="size-4" />
          {thread.commentCount} {thread.commentCount === 1 ? "comment" : "comments"}
        </span>
      </p>
      {thread.tags.length > 0 && (
        <ul aria-label="Tags" className="mt-2 flex flex-wrap gap-2">
          {thread.tags.map((tag) => (
            <li key={tag}>
              <button
                type="button"
                onClick={() => onTag(tag)}
                className="min-h-9 rounded-full bg-ember-50 px-3 text-sm font-medium text-ember-800 hover:bg-ember-100"
              >
                <span className="sr-only">Show threads tagged </span>#{tag}
              </button>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}
