"use client";

import { useRefetchOnEvent } from "@/lib/realtime/use-refetch-on-event";
import { useTRPC } from "@/lib/trpc/client";

/**
 * An open feed refetches (every loaded page, through the authorised query) on each group event
 * that can add an item: threads, polls and outcomes, resources, meetings. Adoptions come with an
 * outcome's `poll.updated`. A reconnect refetches too, having perhaps missed some. Guests hear
 * these only about the threads and documents they were invited to (realtime/group-rooms.ts).
 */
export function useActivityLive(groupId: string) {
  const trpc = useTRPC();
  const feed = [trpc.activity.list.pathFilter()];
  useRefetchOnEvent("thread.activity", "groupId", groupId, feed);
  useRefetchOnEvent("poll.updated", "groupId", groupId, feed);
  useRefetchOnEvent("resource.changed", "groupId", groupId, feed);
  useRefetchOnEvent("meeting.updated", "groupId", groupId, feed);
}
