"use client";

import { useEffect } from "react";

type Key = Pick<KeyboardEvent, "key" | "ctrlKey" | "metaKey" | "altKey" | "isComposing" | "defaultPrevented">;
type Target = { isContentEditable?: boolean; closest?: (selectors: string) => unknown } | null;

/**
 * Where "/" is a character or a key of its own, not a way to search: fields one types in (the
 * editors are contenteditable), and dialogs and menus, which keep focus inside themselves.
 */
const TYPING_OR_TRAPPED = 'input, textarea, select, [role="dialog"], [role="menu"], [role="listbox"]';

/** Whether this key press is the search shortcut: a bare "/" while the person is not typing. */
export function isSearchShortcut(event: Key, target: Target): boolean {
  if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey || event.isComposing || event.defaultPrevented) return false;
  if (target?.isContentEditable) return false;
  return !target?.closest?.(TYPING_OR_TRAPPED);
}

/** "/" anywhere on the page (outside text fields) calls `focusSearch`, as on GitHub and Discourse; null: not here. */
export function useSlashShortcut(focusSearch: (() => void) | null) {
  useEffect(() => {
    if (!focusSearch) return;
    const onKey = (event: KeyboardEvent) => {
      if (!isSearchShortcut(event, event.target instanceof Element ? (event.target as HTMLElement) : null)) return;
      event.preventDefault();
      focusSearch();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [focusSearch]);
}
