"use client";

import { useEffect, useState } from "react";
import { useRealtime } from "@/lib/realtime/socket-provider";
import type { DomainEvents } from "@/server/events";

/** True once an admin has deleted the thread while this page had it open. */
export function useThreadDeleted(threadId: string): boolean {
  const { socket } = useRealtime();
  const [deleted, setDeleted] = useState(false);
  useEffect(() => {
    if (!socket) return;
    const onDeleted = (event: DomainEvents["thread.deleted"]) => {
      if (event.threadId === threadId) setDeleted(true);
    };
    socket.on("thread.deleted", onDeleted);
    return () => {
      socket.off("thread.deleted", onDeleted);
    };
  }, [socket, threadId]);
  return deleted;
}
