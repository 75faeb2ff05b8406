import TurndownService from "turndown";
import { canRenderMarkdown, MAX_RENDERED_MARKDOWN_LENGTH, markdownProblem } from "@/lib/markdown-limits";
import { cleanText } from "@/lib/text";
import type { REACTION_EMOJI } from "@/server/threads/schemas";

/** A Loomio record as parsed from its line: every column, most of them null. */
export type LoomioRecord = Record<string, unknown>;

export function text(value: unknown): string {
  return typeof value === "string" ? cleanText(value) : typeof value === "number" ? String(value) : "";
}

export function idOf(value: unknown): string | null {
  return typeof value === "number" || (typeof value === "string" && value !== "") ? String(value) : null;
}

export function int(value: unknown): number | null {
  const number = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  return typeof number === "number" && Number.isInteger(number) ? number : null;
}

export function flag(value: unknown): boolean {
  return value === true || value === 1 || value === "t" || value === "true";
}

/** A time column; null when missing or not a time. */
export function date(value: unknown): Date | null {
  if (typeof value !== "string" && typeof value !== "number") return null;
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime()) ? null : parsed;
}

/** The order of records by creation time, then by id: ISO-8601 strings of equal shape sort as times. */
export function sortKey(value: unknown): string | null {
  return date(value)?.toISOString() ?? null;
}

const turndown = new TurndownService({ headingStyle: "atx", codeBlockStyle: "fenced", bulletListMarker: "-", emDelimiter: "_" });
// Content of these is code or chrome, never words someone wrote.
turndown.remove(["script", "style", "iframe", "object", "embed", "noscript", "template", "head", "form", "button", "select"]);

/**
 * A Loomio text column as Hearth markdown. HTML becomes markdown (Hearth never renders raw HTML,
 * so what survives of tags is shown as text); markdown is kept as it is.
 */
export function markdown(value: unknown, format: unknown): string {
  const source = text(value);
  if (!source.trim()) return "";
  return (format === "html" ? turndown.turndown(source) : source).trim();
}

/**
 * Why Hearth could not show this text formatted, or null when it can. Longer text than a field
 * normally takes is kept whole when it renders: only text Hearth could not render is refused.
 */
export function renderProblem(body: string): string | null {
  if (canRenderMarkdown(body)) return null;
  if (body.length > MAX_RENDERED_MARKDOWN_LENGTH) {
    return `it is ${body.length.toLocaleString("en-GB")} characters long, more than Hearth can show (${MAX_RENDERED_MARKDOWN_LENGTH.toLocaleString("en-GB")})`;
  }
  return `Hearth cannot show its formatting: ${markdownProblem(body)}`;
}

/** Cuts a one-line field (a name, a title) to Hearth's limit, saying so. */
export function fitted(value: string, max: number, what: string, warn: (message: string) => void): string {
  const trimmed = value.replace(/\s+/g, " ").trim();
  if (trimmed.length <= max) return trimmed;
  warn(`${what} was longer than Hearth allows (${max} characters) and was shortened: “${trimmed.slice(0, 60)}…”`);
  return `${trimmed.slice(0, max - 1).trimEnd()}…`;
}

type Emoji = (typeof REACTION_EMOJI)[number];

/** Loomio's reaction names (with or without colons) and the characters people picked, as Hearth's emoji. */
const REACTION_NAMES: Record<string, Emoji> = {
  "+1": "👍", thumbsup: "👍", thumbs_up: "👍", like: "👍", ok_hand: "👍", "👍": "👍", "👌": "👍",
  heart: "❤️", red_heart: "❤️", hearts: "❤️", heart_eyes: "❤️", sparkling_heart: "❤️", "❤": "❤️", "😍": "❤️", "💖": "❤️", "💕": "❤️",
  smile: "😄", smiley: "😄", grinning: "😄", grin: "😄", laughing: "😄", joy: "😄", blush: "😄", slight_smile: "😄",
  slightly_smiling_face: "😄", "😄": "😄", "😀": "😄", "😃": "😄", "😁": "😄", "😆": "😄", "😂": "😄", "😊": "😄", "🙂": "😄",
  tada: "🎉", hooray: "🎉", party_popper: "🎉", partying_face: "🎉", confetti_ball: "🎉", clap: "🎉", "🎉": "🎉", "🥳": "🎉", "👏": "🎉",
  pray: "🙏", folded_hands: "🙏", thanks: "🙏", "🙏": "🙏",
  thinking: "🤔", thinking_face: "🤔", confused: "🤔", "🤔": "🤔", "😕": "🤔",
  eyes: "👀", "👀": "👀",
};

/** The Hearth emoji for a Loomio reaction, or null when Hearth offers none like it. */
export function hearthEmoji(reaction: unknown): Emoji | null {
  // Variation selectors and skin tones do not change which reaction it is.
  const name = text(reaction).trim().replace(/^:|:$/g, "").replace(/[\uFE0F\u{1F3FB}-\u{1F3FF}]/gu, "").toLowerCase();
  return REACTION_NAMES[name] ?? null;
}

const TAG = /^[\p{L}\p{N}_-]{1,40}$/u;

/** Loomio tags as Hearth thread tags (letters, digits, - and _, at most 10, unique ignoring case). */
export function threadTags(value: unknown): { tags: string[]; dropped: string[] } {
  const raw = Array.isArray(value) ? value.map(text) : [];
  const tags = new Map<string, string>();
  const dropped: string[] = [];
  for (const name of raw) {
    const tag = name.trim().replace(/^#/, "").replace(/\s+/g, "-").replace(/[^\p{L}\p{N}_-]/gu, "");
    if (!TAG.test(tag) || (tags.size >= 10 && !tags.has(tag.toLowerCase()))) dropped.push(name);
    else if (!tags.has(tag.toLowerCase())) tags.set(tag.toLowerCase(), tag);
  }
  return { tags: [...tags.values()], dropped };
}

/** Loomio's built-in option names (agree, looks_good) read as Hearth's (Agree, Looks good). */
export function optionLabel(name: string, kind: string): string {
  if (!["proposal", "count", "check"].includes(kind) || /\s/.test(name)) return name;
  const words = name.replace(/_/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Loomio's hide_results: 0/1/2 in the 2025 schema, names in newer ones. */
export function hideResults(value: unknown): "off" | "until_vote" | "until_closed" {
  if (value === 1 || value === "1" || value === "until_vote") return "until_vote";
  if (value === 2 || value === "2" || value === "until_closed") return "until_closed";
  return "off";
}

/** Loomio's stance_reason_required: 2 (or "required") means a vote needs a reason. */
export function reasonRequired(value: unknown): boolean {
  return value === 2 || value === "2" || value === "required";
}
