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
