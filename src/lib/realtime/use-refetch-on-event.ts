"use client";

import { useQueryClient, type QueryFilters } from "@tanstack/react-query";
import { useEffect, useEffectEvent } from "react";
import { useRealtime } from "@/lib/realtime/socket-provider";
import type { DomainEvents, EventName } from "@/server/events";

/**
 * Refetches `queries` whenever an event `name` arrives whose payload's `field` is `id`, and after
 * a reconnect (once its rooms are joined), which may have missed some. The first connection
 * refetches nothing: the queries have just loaded. `queries` may be a fresh array each render; the latest one is used.
 */
export function useRefetchOnEvent<E extends EventName>(name: E, field: keyof DomainEvents[E], id: string, queries: QueryFilters[]) {
  const { socket } = useRealtime();
  const queryClient = useQueryClient();
  const refresh = useEffectEvent(() => {
    for (const filters of queries) void queryClient.invalidateQueries(filters);
  });

  useEffect(() => {
    if (!socket) return;
    // socket.io's listener type cannot be worked out for an event name that is still generic.
    const onEvent = ((payload: DomainEvents[E]) => {
      if (payload[field] === id) refresh();
    }) as Parameters<typeof socket.on<E>>[1];
    let connectedBefore = socket.connected;
    const onConnect = () => {
      if (connectedBefore) refresh();
      connectedBefore = true;
    };
    socket.on(name, onEvent);
    socket.on("live.ready", onConnect);
    return () => {
      socket.off(name, onEvent);
      socket.off("live.ready", onConnect);
    };
  }, [socket, name, field, id]);
}
