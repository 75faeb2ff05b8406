"use client";

import { useSyncExternalStore } from "react";

/** A screen used by touch alone: no hover, a coarse pointer (the same test as the CSS `touch:` variant). */
const TOUCH_SCREEN = "(hover: none) and (pointer: coarse)";

function subscribe(onChange: () => void): () => void {
  const query = window.matchMedia(TOUCH_SCREEN);
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
}

/**
 * Whether this is a touch screen, for words CSS cannot change (labels, titles); false while
 * rendering on the server, so the first paint matches and a touch screen updates right after.
 */
export function useTouchScreen(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(TOUCH_SCREEN).matches,
    () => false,
  );
}
