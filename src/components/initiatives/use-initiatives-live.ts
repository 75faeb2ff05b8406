"use client";

import { useRefetchOnEvent } from "@/lib/realtime/use-refetch-on-event";
import { useTRPC } from "@/lib/trpc/client";

/**
 * Open directories and thread pages refetch on every `initiative.changed` of the group. Ids only;
 * what shows comes from the authorised queries.
 */
export function useInitiativesLive(groupId: string) {
  const trpc = useTRPC();
  useRefetchOnEvent("initiative.changed", "groupId", groupId, [trpc.initiative.list.pathFilter(), trpc.initiative.forThread.pathFilter()]);
}
