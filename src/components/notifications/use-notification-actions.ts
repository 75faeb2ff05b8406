"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { useTRPC, type RouterOutputs } from "@/lib/trpc/client";

export type NotificationItem = RouterOutputs["notification"]["list"]["items"][number];

/**
 * Opening one notification marks it read; "Mark all read" marks every one. The unread count
 * drops at once, and every notification query refetches when the server has answered.
 */
export function useNotificationActions() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = useCallback(() => queryClient.invalidateQueries(trpc.notification.pathFilter()), [queryClient, trpc]);
  const markRead = useMutation(trpc.notification.markRead.mutationOptions({ onSettled: refresh }));
  const countKey = trpc.notification.unreadCount.queryKey();

  const open = (item: NotificationItem) => {
    if (item.read) return;
    queryClient.setQueryData(countKey, (count) => Math.max(0, (count ?? 1) - 1));
    markRead.mutate({ ids: [item.id] });
  };
  const markAll = () => {
    queryClient.setQueryData(countKey, 0);
    markRead.mutate({});
  };
  return { open, markAll, refresh, markRead };
}
