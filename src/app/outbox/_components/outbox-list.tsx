"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { LocalTime } from "@/components/ui/local-time";
import { errorMessage } from "@/lib/trpc/error-message";
import { useTRPC, type RouterOutputs } from "@/lib/trpc/client";

type Page = RouterOutputs["outbox"]["list"];
type Message = Page["items"][number];

function statusOf(message: Message): { label: string; className: string } {
  if (message.sentAt) return { label: "Sent", className: "bg-green-50 text-live" };
  if (message.error) return { label: "Failed", className: "bg-red-50 text-danger" };
  return { label: "Kept here", className: "bg-ember-100 text-ember-800" };
}

export function OutboxList({ firstPage }: { firstPage: Page }) {
  const trpc = useTRPC();
  const query = useInfiniteQuery({
    ...trpc.outbox.list.infiniteQueryOptions({}, { getNextPageParam: (page) => page.nextCursor ?? undefined }),
    initialData: { pages: [firstPage], pageParams: [null] },
  });
  const messages = query.data.pages.flatMap((page) => page.items);

  if (messages.length === 0) {
    return (
      <Card>
        <p>No emails yet.</p>
      </Card>
    );
  }
  return (
    <>
      {query.error && <Alert>{errorMessage(query.error)}</Alert>}
      <ul className="flex flex-col gap-3" aria-label="Emails">
        {messages.map((message) => (
          <OutboxMessage key={message.id} message={message} />
        ))}
      </ul>
      {query.hasNextPage && (
        <Button variant="secondary" className="mt-4" onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage}>
          {query.isFetchingNextPage ? "Loading…" : "Load more"}
        </Button>
      )}
    </>
  );
}

function OutboxMessage({ message }: { message: Message }) {
  const status = statusOf(message);
  return (
    <li>
      <details className="group rounded-xl border border-line bg-card">
        <summary className="flex cursor-pointer flex-wrap items-baseline justify-between gap-2 p-4">
          <span className="min-w-0">
            <span className="block font-semibold">{message.subject}</span>
            <span className="block text-sm text-muted break-all">
              To {message.to} · <LocalTime date={message.createdAt} withTime />
            </span>
          </span>
          <span className={cn("rounded-full px-3 py-0.5 text-sm font-semibold", status.className)}>{status.label}</span>
        </summary>
        <div className="border-t border-line p-4">
          {message.error && <p className="mb-3 text-danger">Delivery failed: {message.error}</p>}
          <pre className="whitespace-pre-wrap break-words font-sans">{message.text}</pre>
        </div>
      </details>
    </li>
  );
}
