"use client";

import { useQueryClient } from "@tanstack/react-query";
import { createContext, useContext, useEffect, useState, type ReactNode } from "react";
import { io, type Socket } from "socket.io-client";
import type { ClientToServerEvents, ServerToClientEvents } from "@/server/events";
import { useTRPC } from "@/lib/trpc/client";

export type LiveStatus = "connecting" | "live" | "reconnecting" | "signed-out";
export type HearthSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** `socket` is null only while rendering on the server; listeners and emits belong in effects. */
const RealtimeContext = createContext<{ status: LiveStatus; socket: HearthSocket | null }>({
  status: "connecting",
  socket: null,
});

/**
 * One socket.io connection per signed-in tab. It authenticates with the session cookie, so a
 * refusal means the session ended; every other drop is retried by socket.io with back-off.
 * The socket object is made once, unconnected, in a lazy initialiser (browser only), so children
 * can attach listeners before it connects; the effect connects and disconnects it.
 */
export function RealtimeProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<LiveStatus>("connecting");
  const [socket] = useState<HearthSocket | null>(() =>
    typeof window === "undefined" ? null : io({ withCredentials: true, transports: ["websocket", "polling"], autoConnect: false }),
  );
  const queryClient = useQueryClient();
  const trpc = useTRPC();

  useEffect(() => {
    if (!socket) return;
    const refreshGroups = () => void queryClient.invalidateQueries({ queryKey: trpc.group.list.queryKey() });
    // Connected is not yet live: the server joins the socket to its rooms first, then says so.
    const onReady = () => setStatus("live");
    const onDisconnect = (reason: Socket.DisconnectReason) => {
      setStatus("reconnecting");
      // The server closes sockets when a session ends (a password change, "Sign out everywhere"):
      // connecting once more shows whether this tab is still signed in.
      if (reason === "io server disconnect") socket.connect();
    };
    const onError = (error: Error) => setStatus(error.message === "unauthorized" ? "signed-out" : "reconnecting");
    socket.on("live.ready", onReady);
    socket.on("disconnect", onDisconnect);
    socket.on("connect_error", onError);
    socket.on("membership.added", refreshGroups);
    socket.on("membership.removed", refreshGroups);
    socket.on("membership.changed", refreshGroups);
    socket.connect();
    return () => {
      socket.off("live.ready", onReady);
      socket.off("disconnect", onDisconnect);
      socket.off("connect_error", onError);
      socket.off("membership.added", refreshGroups);
      socket.off("membership.removed", refreshGroups);
      socket.off("membership.changed", refreshGroups);
      socket.disconnect();
    };
  }, [socket, queryClient, trpc]);

  return <RealtimeContext.Provider value={{ status, socket }}>{children}</RealtimeContext.Provider>;
}

export function useRealtime() {
  return useContext(RealtimeContext);
}
