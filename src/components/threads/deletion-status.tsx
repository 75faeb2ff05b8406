"use client";

import { useEffect, useState } from "react";
import { useIsClient } from "@/components/threads/use-is-client";

const KEY = "hearth:deleted";

/** Keeps the message for the page a deletion leads to (the deleted thing's own page is gone). */
export function rememberDeletion(message: string): void {
  try {
    sessionStorage.setItem(KEY, message);
  } catch {
    // Storage can be off (private modes); the page then just opens without the message.
  }
}

function saved(): string | null {
  try {
    return typeof window === "undefined" ? null : sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

/**
 * Says what was just deleted, once, on the page the deletion led to. The live region is there
 * from the first render (empty on the server) so that the message is announced when it appears.
 */
export function DeletionStatus() {
  const isClient = useIsClient();
  const [message] = useState(saved);
  useEffect(() => {
    if (message !== null) sessionStorage.removeItem(KEY);
  }, [message]);
  const shown = isClient ? message : null;
  return (
    <div role="status" className={shown ? "mb-6 rounded-lg border border-line bg-ember-50 px-4 py-3" : undefined}>
      {shown}
    </div>
  );
}
