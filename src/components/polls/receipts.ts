"use client";

import { useCallback, useSyncExternalStore } from "react";

/**
 * Change codes of anonymous votes (receipt and key, see change-code.ts), kept in this browser
 * per poll: nothing on the server links a ballot to its voter, so the code is the only way to
 * change the vote later. Storage may be unavailable (private modes): then the code is shown and
 * the voter can copy it and paste it in.
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

export function useChangeCode(pollId: string): [string | null, (code: string) => void] {
  const code = useSyncExternalStore(
    subscribe,
    () => read(pollId),
    () => null,
  );
  const save = useCallback(
    (value: string) => {
      try {
        window.localStorage.setItem(key(pollId), value);
      } catch {
        // Storage blocked: the code is still on screen for the voter to copy.
      }
      window.dispatchEvent(new Event(CHANGED));
    },
    [pollId],
  );
  return [code, save];
}
