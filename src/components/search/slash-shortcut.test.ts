import { describe, expect, it } from "vitest";
import { isSearchShortcut } from "@/components/search/slash-shortcut";

const press = (key: string, modifiers: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; isComposing: boolean; defaultPrevented: boolean }> = {}) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  isComposing: false,
  defaultPrevented: false,
  ...modifiers,
});

/** An element inside the given ancestors (by selector), enough for `closest`. */
const inside = (...matching: string[]) => ({
  isContentEditable: false,
  closest: (selectors: string) => (selectors.split(", ").some((selector) => matching.includes(selector)) ? {} : null),
});

describe("isSearchShortcut", () => {
  it("is a bare slash on the page", () => {
    expect(isSearchShortcut(press("/"), inside())).toBe(true);
    expect(isSearchShortcut(press("/"), null)).toBe(true);
  });

  it("is not a slash typed into a field, an editor, a dialog or a menu", () => {
    for (const where of ["input", "textarea", "select", '[role="dialog"]', '[role="menu"]', '[role="listbox"]']) {
      expect(isSearchShortcut(press("/"), inside(where)), where).toBe(false);
    }
    expect(isSearchShortcut(press("/"), { isContentEditable: true })).toBe(false);
  });

  it("is not another key, a slash with a modifier, or one already handled", () => {
    expect(isSearchShortcut(press("?"), inside())).toBe(false);
    expect(isSearchShortcut(press("/", { ctrlKey: true }), inside())).toBe(false);
    expect(isSearchShortcut(press("/", { metaKey: true }), inside())).toBe(false);
    expect(isSearchShortcut(press("/", { isComposing: true }), inside())).toBe(false);
    expect(isSearchShortcut(press("/", { defaultPrevented: true }), inside())).toBe(false);
  });
});
