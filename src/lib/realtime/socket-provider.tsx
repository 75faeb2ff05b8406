"use client";

import { useQueryClient } from "@tanstack/react-query";
import { createContext, useContext, useEffect, useState, type ReactNode } from "react";
import { io, type Socket } from "socket.io-client";
import type { ClientToServerEvents, ServerToClientEvents } from "@/server/events";
import { useTRPC } from "@/lib/trpc/client";

export type LiveStatus = "connecting" | "live" | "reconnecting" | "signed-out";
type HearthSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const RealtimeContext = createContext<{ status: LiveStatus }>({ status: "connecting" });

/**
 * One socket.io connection per signed-in tab. It authenticates with the session cookie, so a
 * refusal means the session ended; every other drop is retried by socket.io with back-off.
 */
export function RealtimeProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<LiveStatus>("connecting");
  const queryClient = useQueryClient();
  const trpc = useTRPC();

  useEffect(() => {
    const connection: HearthSocket = io({ withCredentials: true, transports: ["websocket", "polling"] });
    const refreshGroups = () => void queryClient.invalidateQueries({ queryKey: trpc.group.list.queryKey() });
    connection.on("connect", () => setStatus("live"));
    connection.on("disconnect", () => setStatus("reconnecting"));
    connection.on("connect_error", (error) => setStatus(error.message === "unauthorized" ? "signed-out" : "reconnecting"));
    connection.on("membership.added", refreshGroups);
    connection.on("membership.removed", refreshGroups);
    return () => {
      connection.removeAllListeners();
      connection.disconnect();
    };
  }, [queryClient, trpc]);

  return <RealtimeContext.Provider value={{ status }}>{children}</RealtimeContext.Provider>;
}

export function useRealtime() {
  return useContext(RealtimeContext);
}
