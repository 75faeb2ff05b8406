"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { NewPollDialog } from "@/components/polls/new-poll-dialog";
import { PollCard } from "@/components/polls/poll-card";
import { useGroupPollsLive } from "@/components/polls/use-poll-live";
import { useTRPC } from "@/lib/trpc/client";

/**
 * The decisions started in a thread, each in full, and a button to start another there (the
 * page stays put). Poll titles are h2, as the thread's title is the page's h1.
 */
export function ThreadPolls({ groupId, threadId, canStart = true }: { groupId: string; threadId: string; canStart?: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: polls } = useQuery(trpc.poll.list.queryOptions({ groupId, threadId }));
  useGroupPollsLive(groupId);

  return (
    <div className="flex flex-col gap-4">
      {polls?.map((poll) => (
        <PollCard key={poll.id} pollId={poll.id} headingLevel={2} />
      ))}
      {canStart && (
        <div>
          <NewPollDialog
            groupId={groupId}
            threadId={threadId}
            label="New decision in this thread"
            onCreated={() => void queryClient.invalidateQueries(trpc.poll.list.pathFilter())}
          />
        </div>
      )}
    </div>
  );
}
