"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { useRealtime } from "@/lib/realtime/socket-provider";
import { useRefetchOnEvent } from "@/lib/realtime/use-refetch-on-event";
import { useTRPC } from "@/lib/trpc/client";
import type { DomainEvents } from "@/server/events";

/**
 * Keeps one poll current: every `poll.updated` for it (a vote, closing, an outcome) refetches
 * the poll, its results and the undecided list, and so does a reconnect, which may have missed some.
 */
export function usePollLive(pollId: string) {
  const trpc = useTRPC();
  useRefetchOnEvent("poll.updated", "pollId", pollId, [
    { queryKey: trpc.poll.byId.queryKey({ id: pollId }) },
    { queryKey: trpc.poll.results.queryKey({ pollId }) },
    { queryKey: trpc.poll.undecided.queryKey({ pollId }) },
  ]);
}

/** Keeps a group's poll lists current. */
export function useGroupPollsLive(groupId: string) {
  const { socket } = useRealtime();
  const queryClient = useQueryClient();
  const trpc = useTRPC();

  useEffect(() => {
    if (!socket) return;
    const refresh = () => void queryClient.invalidateQueries(trpc.poll.list.pathFilter());
    const onUpdated = (event: DomainEvents["poll.updated"]) => {
      if (event.groupId === groupId) refresh();
    };
    socket.on("poll.updated", onUpdated);
    socket.on("live.ready", refresh);
    return () => {
      socket.off("poll.updated", onUpdated);
      socket.off("live.ready", refresh);
    };
  }, [socket, groupId, queryClient, trpc]);
}
