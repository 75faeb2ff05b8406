"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { useTRPC } from "@/lib/trpc/client";

/** After a change to one poll: refetch it, its results, the undecided list and poll lists; resolves once the poll is fresh. */
export function usePollRefresh(pollId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(async () => {
    void queryClient.invalidateQueries({ queryKey: trpc.poll.results.queryKey({ pollId }) });
    void queryClient.invalidateQueries({ queryKey: trpc.poll.undecided.queryKey({ pollId }) });
    void queryClient.invalidateQueries(trpc.poll.list.pathFilter());
    await queryClient.invalidateQueries({ queryKey: trpc.poll.byId.queryKey({ id: pollId }) });
  }, [pollId, queryClient, trpc]);
}
