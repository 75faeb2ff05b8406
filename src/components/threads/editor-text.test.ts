import { describe, expect, it } from "vitest";
import { mentionToken } from "@/lib/mentions";
import { applyFormat, applyMention, findMentionQuery, insertLink, shortcutFormat, toggleList, toggleWrap } from "@/components/threads/editor-text";

/** Writes the selection into the text as [ ] so expectations read at a glance. */
function show({ text, selectionStart, selectionEnd }: { text: string; selectionStart: number; selectionEnd: number }) {
  return `${text.slice(0, selectionStart)}[${text.slice(selectionStart, selectionEnd)}]${text.slice(selectionEnd)}`;
}

describe("toggleWrap", () => {
  it("wraps the selection in bold and keeps it selected", () => {
    expect(show(toggleWrap("make this strong", 10, 16, "bold"))).toBe("make this **[strong]**");
  });

  it("inserts a selected placeholder when nothing is selected", () => {
    expect(show(toggleWrap("Hi ", 3, 3, "italic"))).toBe("Hi _[italic text]_");
  });

  it("unwraps when the markers sit just outside or inside the selection", () => {
    expect(show(toggleWrap("a **b** c", 4, 5, "bold"))).toBe("a [b] c");
    expect(show(toggleWrap("a **b** c", 2, 7, "bold"))).toBe("a [b] c");
  });
});

describe("insertLink", () => {
  it("uses the selected words as the label and selects the address to fill in", () => {
    const edit = insertLink("see the plan", 8, 12);
    expect(edit.text).toBe("see the [plan](https://)");
    expect(edit.text.slice(edit.selectionStart, edit.selectionEnd)).toBe("https://");
  });

  it("uses a selected address as the target and selects the label", () => {
    const edit = insertLink("go https://example.org now", 3, 22);
    expect(edit.text).toBe("go [link text](https://example.org) now");
    expect(edit.text.slice(edit.selectionStart, edit.selectionEnd)).toBe("link text");
  });
});

describe("toggleList", () => {
  it("bullets every selected line and unbullets them again", () => {
    const listed = toggleList("intro\nmilk\neggs\noutro", 6, 15);
    expect(show(listed)).toBe("intro\n[- milk\n- eggs]\noutro");
    expect(show(toggleList(listed.text, listed.selectionStart, listed.selectionEnd))).toBe("intro\n[milk\neggs]\noutro");
  });

  it("starts a bullet at the caret's line and keeps the caret in place", () => {
    expect(show(toggleList("first\nsecond", 9, 9))).toBe("first\n- sec[]ond");
    expect(show(toggleList("", 0, 0))).toBe("- []");
  });
});

describe("shortcutFormat", () => {
  const key = (k: string, extra: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }> = {}) => ({
    key: k,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    shiftKey: false,
    ...extra,
  });

  it("maps Ctrl or Cmd with B, I, K", () => {
    expect(shortcutFormat(key("b", { ctrlKey: true }))).toBe("bold");
    expect(shortcutFormat(key("I", { metaKey: true }))).toBe("italic");
    expect(shortcutFormat(key("k", { ctrlKey: true }))).toBe("link");
  });

  it("ignores plain keys and other combinations", () => {
    expect(shortcutFormat(key("b"))).toBeNull();
    expect(shortcutFormat(key("b", { ctrlKey: true, shiftKey: true }))).toBeNull();
    expect(shortcutFormat(key("x", { ctrlKey: true }))).toBeNull();
  });

  it("applyFormat dispatches to the right edit", () => {
    expect(applyFormat("x", 0, 1, "bold").text).toBe("**x**");
    expect(applyFormat("x", 0, 1, "list").text).toBe("- x");
  });
});

describe("findMentionQuery", () => {
  it("finds an @ at the start or after a space, with up to two words", () => {
    expect(findMentionQuery("@", 1)).toEqual({ start: 0, query: "" });
    expect(findMentionQuery("hello @Pri", 10)).toEqual({ start: 6, query: "Pri" });
    expect(findMentionQuery("hello @Priya Sh", 15)).toEqual({ start: 6, query: "Priya Sh" });
    expect(findMentionQuery("(@Sam", 5)).toEqual({ start: 1, query: "Sam" });
  });

  it("keeps the query open across the space between first and last name", () => {
    expect(findMentionQuery("hi @Priya ", 10)).toEqual({ start: 3, query: "Priya" });
  });

  it("ignores emails, finished mentions and text after the caret", () => {
    expect(findMentionQuery("mail me@home", 12)).toBeNull();
    expect(findMentionQuery("hi @Priya Shah and", 18)).toBeNull();
    expect(findMentionQuery("[@Sam](mention:abc1234567) ", 27)).toBeNull();
    expect(findMentionQuery("@Sam later", 4)).toEqual({ start: 0, query: "Sam" });
  });
});

describe("applyMention", () => {
  const token = mentionToken({ id: "ckperson00001", name: "Priya Shah" });

  it("replaces the typed query with the token and a space, caret after", () => {
    const edit = applyMention("thanks @Pri", 7, 11, token);
    expect(edit.text).toBe(`thanks ${token} `);
    expect(edit.selectionStart).toBe(edit.text.length);
  });

  it("does not double a following space", () => {
    const edit = applyMention("@Pri and you", 0, 4, token);
    expect(edit.text).toBe(`${token} and you`);
    expect(edit.text.slice(edit.selectionStart)).toBe("and you");
  });
});
