"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/select-field";
import { errorMessage } from "@/lib/trpc/error-message";
import { useTRPC } from "@/lib/trpc/client";

/** "thread:<id>" or "document:<id>", or "" while nothing is chosen. */
export type GuestTargetChoice = string;

/** The invitation fields for a chosen target; undefined when none is chosen. */
export function guestTargetOf(choice: GuestTargetChoice): { threadId: string } | { documentId: string } | undefined {
  const [kind, id] = choice.split(":");
  if (!id) return undefined;
  return kind === "thread" ? { threadId: id } : { documentId: id };
}

/**
 * Guests see only what they are invited to, so a guest invitation names one discussion or
 * document of the group. Lists every thread (open or closed) and every document, page by page.
 */
export function GuestTargetPicker({
  groupId,
  value,
  onChange,
  error,
}: {
  groupId: string;
  value: GuestTargetChoice;
  onChange: (value: GuestTargetChoice) => void;
  error?: string;
}) {
  const trpc = useTRPC();
  const threads = useInfiniteQuery(
    trpc.thread.list.infiniteQueryOptions({ groupId, status: "all" }, { getNextPageParam: (page) => page.nextCursor }),
  );
  const documents = useInfiniteQuery(trpc.document.list.infiniteQueryOptions({ groupId }, { getNextPageParam: (page) => page.nextCursor }));
  const threadItems = threads.data?.pages.flatMap((page) => page.items) ?? [];
  const documentItems = documents.data?.pages.flatMap((page) => page.items) ?? [];
  const loading = threads.isPending || documents.isPending;
  const nothingToChoose = !loading && threadItems.length === 0 && documentItems.length === 0;
  const hasMore = threads.hasNextPage || documents.hasNextPage;

  return (
    <div className="flex flex-col gap-2">
      <SelectField
        label="Which discussion (or document)?"
        name="guestTarget"
        required
        value={value}
        onChange={(event) => onChange(event.target.value)}
        hint="Guests see only what they are invited to: this one discussion or document, nothing else of the group."
        error={error}
        options={[
          { value: "", label: loading ? "Loading…" : "Choose one" },
          ...threadItems.map((thread) => ({ value: `thread:${thread.id}`, label: `Discussion: ${thread.title}` })),
          ...documentItems.map((document) => ({ value: `document:${document.id}`, label: `Document: ${document.title}` })),
        ]}
      />
      {(threads.error || documents.error) && <Alert>{errorMessage(threads.error ?? documents.error)}</Alert>}
      {nothingToChoose && (
        <p className="text-sm text-muted">This group has no discussions or documents yet. Start one first, then invite a guest to it.</p>
      )}
      {hasMore && (
        <Button
          variant="secondary"
          className="self-start"
          disabled={threads.isFetchingNextPage || documents.isFetchingNextPage}
          onClick={() => {
            if (threads.hasNextPage) void threads.fetchNextPage();
            if (documents.hasNextPage) void documents.fetchNextPage();
          }}
        >
          Show more to choose from
        </Button>
      )}
    </div>
  );
}
