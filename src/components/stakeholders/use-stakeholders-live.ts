"use client";

import { useRefetchOnEvent } from "@/lib/realtime/use-refetch-on-event";
import { useTRPC } from "@/lib/trpc/client";

/** An open map refetches on every `stakeholder.changed` of its group: ids only, the data comes from stakeholder.list. */
export function useStakeholdersLive(groupId: string) {
  const trpc = useTRPC();
  useRefetchOnEvent("stakeholder.changed", "groupId", groupId, [trpc.stakeholder.list.pathFilter()]);
}
