"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect } from "react";
import { useRealtime } from "@/lib/realtime/socket-provider";
import { useTRPC, type RouterOutputs } from "@/lib/trpc/client";

export type AmendmentItem = RouterOutputs["amendment"]["list"]["items"][number];

/**
 * A document's amendments, fetched again whenever its suggestions change (an amendment proposed,
 * decided or withdrawn publishes the same event) and after a reconnect. The panel and the
 * suggestion cards share the one query.
 */
export function useAmendments(documentId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { socket } = useRealtime();
  const list = useQuery(trpc.amendment.list.queryOptions({ documentId }));
  const refresh = useCallback(
    () => void queryClient.invalidateQueries({ queryKey: trpc.amendment.list.queryKey({ documentId }) }),
    [queryClient, trpc, documentId],
  );
  useEffect(() => {
    if (!socket) return;
    const onChanged = (change: { documentId: string }) => {
      if (change.documentId === documentId) refresh();
    };
    socket.on("suggestion.changed", onChanged);
    socket.io.on("reconnect", refresh);
    return () => {
      socket.off("suggestion.changed", onChanged);
      socket.io.off("reconnect", refresh);
    };
  }, [socket, documentId, refresh]);
  return { list, refresh };
}
