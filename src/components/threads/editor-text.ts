/**
 * Pure text edits behind the markdown editor's toolbar, shortcuts and @mention autocomplete.
 * Each takes the text and the selection and returns the new text and selection, so the
 * component only has to apply them.
 */
export type TextEdit = { text: string; selectionStart: number; selectionEnd: number };
export type Format = "bold" | "italic" | "link" | "list";

const WRAPS = {
  bold: { marker: "**", placeholder: "bold text" },
  italic: { marker: "_", placeholder: "italic text" },
} as const;

/** Wraps the selection in ** or _, or unwraps it when it is already wrapped. */
export function toggleWrap(text: string, start: number, end: number, format: "bold" | "italic"): TextEdit {
  const { marker, placeholder } = WRAPS[format];
  const size = marker.length;
  if (text.slice(start - size, start) === marker && text.slice(end, end + size) === marker) {
    return {
      text: text.slice(0, start - size) + text.slice(start, end) + text.slice(end + size),
      selectionStart: start - size,
      selectionEnd: end - size,
    };
  }
  const selected = text.slice(start, end);
  if (selected.length >= 2 * size && selected.startsWith(marker) && selected.endsWith(marker)) {
    const inner = selected.slice(size, -size);
    return { text: text.slice(0, start) + inner + text.slice(end), selectionStart: start, selectionEnd: start + inner.length };
  }
  const inner = selected || placeholder;
  return {
    text: text.slice(0, start) + marker + inner + marker + text.slice(end),
    selectionStart: start + size,
    selectionEnd: start + size + inner.length,
  };
}

/** Makes the selection a link and selects the part still to fill in (the address, or the words). */
export function insertLink(text: string, start: number, end: number): TextEdit {
  const selected = text.slice(start, end);
  const isAddress = /^https?:\/\/\S+$/.test(selected);
  const label = isAddress ? "link text" : selected || "link text";
  const url = isAddress ? selected : "https://";
  const link = `[${label}](${url})`;
  const before = text.slice(0, start);
  const selectionStart = isAddress ? start + 1 : start + label.length + 3;
  const selectionEnd = isAddress ? start + 1 + label.length : selectionStart + url.length;
  return { text: before + link + text.slice(end), selectionStart, selectionEnd };
}

/** Turns the selected lines into a bulleted list, or back into plain lines when they all are one. */
export function toggleList(text: string, start: number, end: number): TextEdit {
  const lineStart = text.lastIndexOf("\n", start - 1) + 1;
  const newline = text.indexOf("\n", end > start && text[end - 1] === "\n" ? end - 1 : end);
  const lineEnd = newline === -1 ? text.length : newline;
  const lines = text.slice(lineStart, lineEnd).split("\n");
  const filled = lines.filter((line) => line.trim() !== "");
  const isList = filled.length > 0 && filled.every((line) => line.startsWith("- "));
  const changed = lines.map((line) => {
    if (isList) return line.startsWith("- ") ? line.slice(2) : line;
    return line.trim() === "" && lines.length > 1 ? line : `- ${line}`;
  });
  const block = changed.join("\n");
  const result = text.slice(0, lineStart) + block + text.slice(lineEnd);
  if (start === end && lines.length === 1) {
    const caret = Math.max(lineStart, start + (isList ? -2 : 2));
    return { text: result, selectionStart: caret, selectionEnd: caret };
  }
  return { text: result, selectionStart: lineStart, selectionEnd: lineStart + block.length };
}

export function applyFormat(text: string, start: number, end: number, format: Format): TextEdit {
  if (format === "link") return insertLink(text, start, end);
  if (format === "list") return toggleList(text, start, end);
  return toggleWrap(text, start, end, format);
}

/** Ctrl/Cmd+B, Ctrl/Cmd+I and Ctrl/Cmd+K, without other modifiers. */
export function shortcutFormat(event: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }): Format | null {
  if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return null;
  const key = event.key.toLowerCase();
  return key === "b" ? "bold" : key === "i" ? "italic" : key === "k" ? "link" : null;
}

const NAME_PART = "[\\p{L}\\p{N}][\\p{L}\\p{N}'’.\\-]*";
/** An @ at the start or after a space or bracket, then up to two words of a name, ending at the caret. */
const MENTION_QUERY = new RegExp(`(^|[\\s(])@((?:${NAME_PART})(?: ${NAME_PART}| )?)?$`, "u");

/** The @mention being typed at the caret, if any: where its @ is and the name typed so far. */
export function findMentionQuery(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(Math.max(0, caret - 60), caret);
  const match = MENTION_QUERY.exec(before);
  if (!match) return null;
  const query = match[2] ?? "";
  return { start: caret - query.length - 1, query: query.trim() };
}

/** Replaces the typed @query with the mention token and a space, leaving the caret after it. */
export function applyMention(text: string, start: number, caret: number, token: string): TextEdit {
  const after = text.slice(caret);
  const insert = after.startsWith(" ") ? token : `${token} `;
  const position = start + insert.length + (after.startsWith(" ") ? 1 : 0);
  return { text: text.slice(0, start) + insert + after, selectionStart: position, selectionEnd: position };
}
