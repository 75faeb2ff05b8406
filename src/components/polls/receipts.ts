"use client";

import { useCallback, useSyncExternalStore } from "react";

/**
 * Receipts of anonymous votes, kept in this browser per poll: nothing on the server links a
 * ballot to its voter, so the receipt is the only way to change the vote later. Storage may be
 * unavailable (private modes): then the receipt is shown once and the voter can type it in.
 */
const key = (pollId: string) => `hearth:poll-receipt:${pollId}`;
const CHANGED = "hearth:poll-receipt";

function read(pollId: string): string | null {
  try {
    return window.localStorage.getItem(key(pollId));
  } catch {
    return null;
  }
}

function subscribe(onChange: () => void) {
  window.addEventListener("storage", onChange);
  window.addEventListener(CHANGED, onChange);
  return () => {
    window.removeEventListener("storage", onChange);
    window.removeEventListener(CHANGED, onChange);
  };
}

export function useReceipt(pollId: string): [string | null, (receipt: string) => void] {
  const receipt = useSyncExternalStore(
    subscribe,
    () => read(pollId),
    () => null,
  );
  const save = useCallback(
    (value: string) => {
      try {
        window.localStorage.setItem(key(pollId), value);
      } catch {
        // Storage blocked: the receipt is still on screen for the voter to note down.
      }
      window.dispatchEvent(new Event(CHANGED));
    },
    [pollId],
  );
  return [receipt, save];
}
