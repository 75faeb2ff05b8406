"use client";

import { useQueryClient, type QueryFilters } from "@tanstack/react-query";
import { useEffect, useEffectEvent } from "react";
import { useRealtime } from "@/lib/realtime/socket-provider";
import type { DomainEvents } from "@/server/events";

/**
 * Refetches `queries` when a `task.changed` event concerns this page (`concerns`; every event when
 * absent, as on My tasks, which hears only the caller's own room's and groups'), and after a
 * reconnect, which may have missed some.
 */
export function useTaskChanges(queries: QueryFilters[], concerns?: (change: DomainEvents["task.changed"]) => boolean) {
  const { socket } = useRealtime();
  const queryClient = useQueryClient();
  const refresh = useEffectEvent((change: DomainEvents["task.changed"] | null) => {
    if (change && concerns && !concerns(change)) return;
    for (const filters of queries) void queryClient.invalidateQueries(filters);
  });

  useEffect(() => {
    if (!socket) return;
    const onChange = (change: DomainEvents["task.changed"]) => refresh(change);
    let connectedBefore = socket.connected;
    const onConnect = () => {
      if (connectedBefore) refresh(null);
      connectedBefore = true;
    };
    socket.on("task.changed", onChange);
    socket.on("live.ready", onConnect);
    return () => {
      socket.off("task.changed", onChange);
      socket.off("live.ready", onConnect);
    };
  }, [socket]);
}
