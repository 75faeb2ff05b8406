"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { useRealtime } from "@/lib/realtime/socket-provider";
import { useTRPC } from "@/lib/trpc/client";
import type { DomainEvents } from "@/server/events";

/**
 * Keeps a group's meeting lists, and one meeting's page when `meetingId` is given, current:
 * every `meeting.updated` of the group refetches them, and so does a reconnect.
 */
export function useMeetingsLive(groupId: string, meetingId?: string) {
  const { socket } = useRealtime();
  const queryClient = useQueryClient();
  const trpc = useTRPC();

  useEffect(() => {
    if (!socket) return;
    const refresh = () => {
      void queryClient.invalidateQueries(trpc.meeting.list.pathFilter());
      if (meetingId) void queryClient.invalidateQueries({ queryKey: trpc.meeting.byId.queryKey({ id: meetingId }) });
    };
    const onUpdated = (event: DomainEvents["meeting.updated"]) => {
      if (event.groupId === groupId) refresh();
    };
    let connectedBefore = socket.connected;
    const onConnect = () => {
      if (connectedBefore) refresh();
      connectedBefore = true;
    };
    socket.on("meeting.updated", onUpdated);
    socket.on("connect", onConnect);
    return () => {
      socket.off("meeting.updated", onUpdated);
      socket.off("connect", onConnect);
    };
  }, [socket, groupId, meetingId, queryClient, trpc]);
}
