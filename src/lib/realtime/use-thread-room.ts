"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import { reviveComment, upsertComment, type CommentDto, type CommentPages } from "@/components/threads/comment-cache";
import { applyReactions, commentsQueryKey } from "@/components/threads/comments-query";
import { useRealtime } from "@/lib/realtime/socket-provider";
import { useTRPC, useTRPCClient } from "@/lib/trpc/client";
import type { DomainEvents, SocketEvents } from "@/server/events";

type Person = { id: string; name: string };

/** How long a "typing" signal lasts without a fresh one; senders repeat it every 2 s while typing. */
const TYPING_TTL_MS = 6_000;
/** New comments read while the thread is open are marked read after this quiet spell. */
const MARK_READ_DELAY_MS = 1_500;
const NO_ACCESS = "You no longer have access to this discussion, so new comments will not appear here.";

/**
 * Joins the thread's live room while mounted (and again after every reconnect), applies
 * comments, edits, deletions and reactions to the query cache as they happen, and reports who
 * else has the thread open, who is typing, and why the room was closed to us (`revoked`) when
 * our access ended while the page was open.
 */
export function useThreadRoom(threadId: string, viewerId: string) {
  const { socket } = useRealtime();
  const queryClient = useQueryClient();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const [viewers, setViewers] = useState<Person[]>([]);
  const [typing, setTyping] = useState<Person[]>([]);
  const [revoked, setRevoked] = useState<string | null>(null);

  useEffect(() => {
    if (!socket) return;
    const threadKey = trpc.thread.byId.queryKey({ id: threadId });
    const typingTimers = new Map<string, ReturnType<typeof setTimeout>>();
    let markReadTimer: ReturnType<typeof setTimeout> | undefined;
    let joinedBefore = false;

    const stopTyping = (userId: string) => {
      clearTimeout(typingTimers.get(userId));
      typingTimers.delete(userId);
      setTyping((people) => people.filter(({ id }) => id !== userId));
    };
    const markReadSoon = () => {
      clearTimeout(markReadTimer);
      markReadTimer = setTimeout(() => {
        void client.thread.markRead
          .mutate({ id: threadId })
          .then(() =>
            Promise.all([
              queryClient.invalidateQueries(trpc.thread.list.pathFilter()),
              queryClient.invalidateQueries(trpc.thread.seenBy.queryFilter({ threadId })),
            ]),
          )
          .catch(() => undefined);
      }, MARK_READ_DELAY_MS);
    };

    const join = () => {
      socket.emit("thread.join", threadId, ({ ok }) => setRevoked(ok ? null : NO_ACCESS));
      // Anything said while we were away is fetched again; live events cover the rest.
      if (joinedBefore) {
        void queryClient.invalidateQueries({ queryKey: commentsQueryKey(threadId) });
        void queryClient.invalidateQueries({ queryKey: threadKey });
      }
      joinedBefore = true;
    };
    const onDisconnect = () => {
      setViewers([]);
      setTyping([]);
    };
    const onRevoked = (event: SocketEvents["access.revoked"]) => {
      if (event.room !== "thread" || event.id !== threadId) return;
      onDisconnect();
      setRevoked(event.message);
    };
    const onComment = (payload: CommentDto, isNew: boolean) => {
      if (payload.threadId !== threadId) return;
      const comment = reviveComment(payload);
      queryClient.setQueryData<CommentPages>(commentsQueryKey(threadId), (data) => upsertComment(data, comment));
      if (!isNew) return;
      void queryClient.invalidateQueries({ queryKey: threadKey });
      stopTyping(comment.author.id);
      if (comment.author.id !== viewerId) markReadSoon();
    };
    const onCreated = (comment: CommentDto) => onComment(comment, true);
    const onChanged = (comment: CommentDto) => onComment(comment, false);
    const onDeleted = (comment: CommentDto) => {
      onComment(comment, false);
      if (comment.threadId === threadId) void queryClient.invalidateQueries({ queryKey: threadKey });
    };
    const onReaction = (change: DomainEvents["reaction.changed"]) => {
      if (change.threadId === threadId) applyReactions(queryClient, threadKey, change);
    };
    const onThreadUpdated = ({ threadId: changed }: DomainEvents["thread.updated"]) => {
      if (changed === threadId) void queryClient.invalidateQueries({ queryKey: threadKey });
    };
    const onPresence = (presence: DomainEvents["thread.presence"]) => {
      if (presence.threadId === threadId) setViewers(presence.viewers);
    };
    const onTyping = (update: DomainEvents["thread.typing"]) => {
      if (update.threadId !== threadId || update.user.id === viewerId) return;
      if (!update.typing) return stopTyping(update.user.id);
      clearTimeout(typingTimers.get(update.user.id));
      typingTimers.set(
        update.user.id,
        setTimeout(() => stopTyping(update.user.id), TYPING_TTL_MS),
      );
      setTyping((people) => (people.some(({ id }) => id === update.user.id) ? people : [...people, update.user]));
    };

    socket.on("connect", join);
    socket.on("disconnect", onDisconnect);
    socket.on("comment.created", onCreated);
    socket.on("comment.updated", onChanged);
    socket.on("comment.deleted", onDeleted);
    socket.on("reaction.changed", onReaction);
    socket.on("thread.updated", onThreadUpdated);
    socket.on("thread.presence", onPresence);
    socket.on("thread.typing", onTyping);
    socket.on("access.revoked", onRevoked);
    if (socket.connected) join();

    return () => {
      socket.off("connect", join);
      socket.off("disconnect", onDisconnect);
      socket.off("comment.created", onCreated);
      socket.off("comment.updated", onChanged);
      socket.off("comment.deleted", onDeleted);
      socket.off("reaction.changed", onReaction);
      socket.off("thread.updated", onThreadUpdated);
      socket.off("thread.presence", onPresence);
      socket.off("thread.typing", onTyping);
      socket.off("access.revoked", onRevoked);
      for (const timer of typingTimers.values()) clearTimeout(timer);
      clearTimeout(markReadTimer);
      if (socket.connected) socket.emit("thread.leave", threadId);
    };
  }, [socket, threadId, viewerId, queryClient, trpc, client]);

  return { viewers, typing, revoked };
}

/** Repeat "typing" at most this often while someone keeps typing. */
const TYPING_REPEAT_MS = 2_000;
/** Say "stopped typing" after this long without a keystroke. */
const TYPING_IDLE_MS = 3_000;

/** Tells the thread's room when this person is typing: throttled, and stopped when idle or sent. */
export function useTypingSignal(threadId: string) {
  const { socket } = useRealtime();
  const state = useRef<{ sentAt: number; typing: boolean; idle?: ReturnType<typeof setTimeout> }>({ sentAt: 0, typing: false });

  const stop = useCallback(() => {
    clearTimeout(state.current.idle);
    if (state.current.typing && socket?.connected) socket.emit("thread.typing", { threadId, typing: false });
    state.current.typing = false;
  }, [socket, threadId]);

  const onInput = useCallback(() => {
    if (!socket?.connected) return;
    const now = Date.now();
    if (!state.current.typing || now - state.current.sentAt > TYPING_REPEAT_MS) {
      socket.emit("thread.typing", { threadId, typing: true });
      state.current.sentAt = now;
      state.current.typing = true;
    }
    clearTimeout(state.current.idle);
    state.current.idle = setTimeout(stop, TYPING_IDLE_MS);
  }, [socket, threadId, stop]);

  useEffect(() => stop, [stop]);

  return { onInput, stop };
}
