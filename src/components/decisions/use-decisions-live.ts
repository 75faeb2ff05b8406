"use client";

import { useRefetchOnEvent } from "@/lib/realtime/use-refetch-on-event";
import { useTRPC } from "@/lib/trpc/client";

/**
 * An open register or decision page refetches on every `decision.changed` of its group (a new
 * outcome, an update, a supersession elsewhere) and on `task.changed`, for the task counts. Ids
 * only; what shows comes from the authorised queries.
 */
export function useDecisionsLive(groupId: string) {
  const trpc = useTRPC();
  const queries = [trpc.decision.list.pathFilter(), trpc.decision.byId.pathFilter()];
  useRefetchOnEvent("decision.changed", "groupId", groupId, queries);
  // Task counts: a task of the group was added, ticked or moved to another decision.
  useRefetchOnEvent("task.changed", "groupId", groupId, queries);
}
