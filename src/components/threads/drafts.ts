import { useCallback, useState } from "react";

/**
 * Unsent comments are kept in localStorage as they are typed, per thread and per reply, so a
 * reload, a crash or a lost connection never loses them. Storage may be unavailable (private
 * modes, quotas): then drafts simply live as long as the page.
 */
export function draftKey(threadId: string, parentId?: string | null): string {
  return `hearth:draft:${threadId}:${parentId ?? "thread"}`;
}

export function readDraft(key: string): string {
  try {
    return window.localStorage.getItem(key) ?? "";
  } catch {
    return "";
  }
}

export function writeDraft(key: string, text: string): void {
  try {
    if (text) window.localStorage.setItem(key, text);
    else window.localStorage.removeItem(key);
  } catch {
    // Storage full or blocked: the text stays in the composer, which is all we can do.
  }
}

/** Where the new-thread dialog keeps each field of a thread not yet started in a group. */
export function newThreadDraftKey(groupId: string, field: "title" | "body" | "tags"): string {
  return `hearth:draft:new-thread:${groupId}:${field}`;
}

/**
 * Text kept under `key` as it is typed. Read on the first render: on the server that finds no
 * storage and starts empty, so render what depends on it only once on the client (useIsClient).
 */
export function useKeptDraft(key: string): [string, (text: string) => void] {
  const [text, setText] = useState(() => readDraft(key));
  const update = useCallback(
    (next: string) => {
      setText(next);
      writeDraft(key, next);
    },
    [key],
  );
  return [text, update];
}
