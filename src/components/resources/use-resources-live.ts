"use client";

import { useRefetchOnEvent } from "@/lib/realtime/use-refetch-on-event";
import { useTRPC } from "@/lib/trpc/client";

/**
 * A group's open library refetches on every `resource.changed` and `folder.changed` of the group.
 * The events carry ids only; what reappears comes through the authorised queries, so drafts stay
 * with those who may see them.
 */
export function useLibraryLive(groupId: string) {
  const trpc = useTRPC();
  useRefetchOnEvent("resource.changed", "groupId", groupId, [
    trpc.resource.list.pathFilter(),
    { queryKey: trpc.resource.library.queryKey({ groupId }) },
  ]);
  // Search results name each resource's folder, so a renamed folder refetches them too.
  useRefetchOnEvent("folder.changed", "groupId", groupId, [
    { queryKey: trpc.folder.list.queryKey({ groupId }) },
    trpc.resource.list.pathFilter(),
  ]);
}

/** One resource's open page refetches when that resource changes (or goes). */
export function useResourceLive(resourceId: string) {
  const trpc = useTRPC();
  useRefetchOnEvent("resource.changed", "resourceId", resourceId, [{ queryKey: trpc.resource.byId.queryKey({ id: resourceId }) }]);
}
