"use client";

import { useRefetchOnEvent } from "@/lib/realtime/use-refetch-on-event";
import { useTRPC } from "@/lib/trpc/client";

/** Every `charter.changed` of the group (and a reconnect) refetches its open charter page. */
export function useCharterLive(groupId: string) {
  const trpc = useTRPC();
  useRefetchOnEvent("charter.changed", "groupId", groupId, [trpc.charter.get.pathFilter()]);
}
