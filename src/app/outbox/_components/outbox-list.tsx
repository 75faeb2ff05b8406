"use client";

import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { LocalTime } from "@/components/ui/local-time";
import { errorMessage } from "@/lib/trpc/error-message";
import { useTRPC, type RouterOutputs } from "@/lib/trpc/client";

type Page = RouterOutputs["outbox"]["list"];
type Message = Page["items"][number];

const BADGES = {
  sent: { label: "Sent", className: "bg-green-50 text-live" },
  failed: { label: "Failed", className: "bg-red-50 text-danger" },
  retrying: { label: "Retrying", className: "bg-ember-100 text-ember-800" },
  waiting: { label: "Waiting to send", className: "bg-ember-100 text-ember-800" },
  kept: { label: "Not sent: no SMTP configured", className: "bg-ember-100 text-ember-800" },
} as const;

function badgeOf(message: Message, smtpConfigured: boolean) {
  if (message.status === "sent") return BADGES.sent;
  if (message.status === "failed") return BADGES.failed;
  if (!smtpConfigured) return BADGES.kept;
  return message.attempts > 0 ? BADGES.retrying : BADGES.waiting;
}

export function OutboxList({ firstPage }: { firstPage: Page }) {
  const trpc = useTRPC();
  const query = useInfiniteQuery({
    ...trpc.outbox.list.infiniteQueryOptions({}, { getNextPageParam: (page) => page.nextCursor ?? undefined }),
    initialData: { pages: [firstPage], pageParams: [null] },
  });
  const messages = query.data.pages.flatMap((page) => page.items);
  const smtpConfigured = query.data.pages[0]?.smtpConfigured ?? firstPage.smtpConfigured;

  return (
    <>
      {!smtpConfigured && (
        <div className="mb-6">
          <Alert tone="info">
            Email is not set up: no SMTP_URL is configured, so Hearth sends nothing and keeps every email here. Once an
            SMTP server is configured and Hearth restarted, waiting emails up to three days old are sent; older ones are
            marked failed, as they would arrive out of date.
          </Alert>
        </div>
      )}
      {query.error && <Alert>{errorMessage(query.error)}</Alert>}
      {messages.length === 0 ? (
        <Card>
          <p>No emails yet.</p>
        </Card>
      ) : (
        <ul className="flex flex-col gap-3" aria-label="Emails">
          {messages.map((message) => (
            <OutboxMessage key={message.id} message={message} smtpConfigured={smtpConfigured} />
          ))}
        </ul>
      )}
      {query.hasNextPage && (
        <Button variant="secondary" className="mt-4" onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage}>
          {query.isFetchingNextPage ? "Loading…" : "Load more"}
        </Button>
      )}
    </>
  );
}

function OutboxMessage({ message, smtpConfigured }: { message: Message; smtpConfigured: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const retry = useMutation(
    trpc.outbox.retry.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.outbox.list.pathKey() }) }),
  );
  const badge = badgeOf(message, smtpConfigured);
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
          <span className={cn("rounded-full px-3 py-0.5 text-sm font-semibold", badge.className)}>{badge.label}</span>
        </summary>
        <div className="border-t border-line p-4">
          {message.status !== "sent" && message.attempts > 0 && (
            <p className="mb-2 text-sm text-muted">
              {message.attempts} {message.attempts === 1 ? "attempt" : "attempts"}
              {message.status === "queued" && (
                <>
                  {" "}
                  · next attempt <LocalTime date={message.nextAttemptAt} withTime />
                </>
              )}
            </p>
          )}
          {message.error && <p className={cn("mb-3", message.status === "failed" ? "text-danger" : "text-ink")}>{message.error}</p>}
          {message.linkRemoved && (
            <p className="mb-3 text-sm text-muted">
              {message.status === "failed"
                ? "Its one-time link was removed when it failed, so it cannot be sent again: send a new invitation, or ask the person to request a new password reset link."
                : "Its one-time link was removed after sending, so this copy cannot be used to get in."}
            </p>
          )}
          {message.status === "failed" && !message.linkRemoved && (
            <div className="mb-4 flex flex-col items-start gap-2">
              <Button variant="secondary" onClick={() => retry.mutate({ id: message.id })} disabled={retry.isPending}>
                {retry.isPending ? "Queuing…" : "Send again"}
              </Button>
              {retry.error && <Alert>{errorMessage(retry.error)}</Alert>}
            </div>
          )}
          <pre className="whitespace-pre-wrap break-words font-sans">{message.text}</pre>
        </div>
      </details>
    </li>
  );
}
