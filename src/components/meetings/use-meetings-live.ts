"use client";

import { useRefetchOnEvent } from "@/lib/realtime/use-refetch-on-event";
import { useTRPC } from "@/lib/trpc/client";

/**
 * Keeps a group's meeting lists, and one meeting's page when `meetingId` is given, current:
 * every `meeting.updated` of the group refetches them, and so does a reconnect.
 */
export function useMeetingsLive(groupId: string, meetingId?: string) {
  const trpc = useTRPC();
  useRefetchOnEvent("meeting.updated", "groupId", groupId, [
    trpc.meeting.list.pathFilter(),
    ...(meetingId ? [{ queryKey: trpc.meeting.byId.queryKey({ id: meetingId }) }] : []),
  ]);
}
