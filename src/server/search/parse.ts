import { AppError } from "@/server/errors";
import { MAX_QUERY_LENGTH, MAX_QUERY_TERMS, QUERY_TOO_LONG, SEARCH_TYPES, TOO_MANY_TERMS, type SearchType } from "@/server/search/schemas";

export const SEARCH_ORDERS = ["newest", "best"] as const;
export type SearchOrder = (typeof SEARCH_ORDERS)[number];

/** A query as typed, taken apart. Words and phrases are plain text: nothing here is query syntax for a database. */
export type ParsedQuery = {
  /** Every word must match (stemmed, accents and case folded). */
  words: string[];
  /** Each must match as words in this order. */
  phrases: string[];
  /** `-word` and `-"some words"`: no result may match any of these (each as a phrase). */
  excluded: string[];
  /** `@name`, `@"Full Name"`: written by someone whose name has a word starting so; several mean any of them. */
  authors: string[];
  /** `in:handle`: in one of these groups. */
  groupHandles: string[];
  /** `type:`: of one of these kinds. */
  types: SearchType[];
  /** `status:open|closed`: threads, comments, polls, outcomes and votes only, by their thread's or poll's state. */
  status: "open" | "closed" | null;
  /** `before:YYYY-MM-DD`: written before that day began (UTC). */
  before: Date | null;
  /** `after:YYYY-MM-DD`: written on that day (UTC) or later. */
  after: Date | null;
  /** `order:newest` (the default) or `order:best`: most relevant to the words first. */
  order: SearchOrder;
  /** Operators that were not understood, as typed: the search goes on without them. */
  ignored: string[];
};

/** Something to look for besides words: without words or one of these, a query finds nothing. */
export function hasCriteria(query: ParsedQuery): boolean {
  return (
    query.words.length > 0 ||
    query.phrases.length > 0 ||
    query.authors.length > 0 ||
    query.groupHandles.length > 0 ||
    query.types.length > 0 ||
    query.status !== null ||
    query.before !== null ||
    query.after !== null
  );
}

/** Runs of letters and digits: what either database's tokenizer can index. A "word" without any (`*`, `(`) matches nothing. */
const WORD_CHARACTERS = /[\p{L}\p{N}]+/gu;
const wordCount = (text: string) => text.match(WORD_CHARACTERS)?.length ?? 0;

/**
 * The query's tokens: runs of non-space characters, where a double quote opens a part that runs
 * to the next double quote (spaces and all) or to the end, so `"exact phrase"`, `@"Ada Lovelace"`
 * and `in:"a group"` are one token each, and an unbalanced quote closes itself.
 */
function tokens(q: string): string[] {
  const found: string[] = [];
  let index = 0;
  while (index < q.length) {
    while (index < q.length && /\s/u.test(q[index]!)) index += 1;
    const start = index;
    while (index < q.length && !/\s/u.test(q[index]!)) {
      if (q[index] === '"') {
        const close = q.indexOf('"', index + 1);
        index = close === -1 ? q.length : close + 1;
      } else {
        index += 1;
      }
    }
    if (index > start) found.push(q.slice(start, index));
  }
  return found;
}

/** The text of a token without its quotes, spaces folded. */
const unquote = (text: string) => text.replace(/"/g, " ").replace(/\s+/gu, " ").trim();

const OPERATOR = /^([a-z]+):(.+)$/i;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar day as the UTC midnight that starts it, or null for anything else (2025-02-30 included). */
function dayStart(text: string): Date | null {
  const match = DAY.exec(text);
  if (!match) return null;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().startsWith(text) ? date : null;
}

/**
 * Takes a query apart the way Discourse does: words, `"phrases"`, `-exclusions`, `@author`, and
 * `key:value` operators. Unknown operators, and known ones with values that mean nothing
 * (`type:foo`, `before:soon`), are ignored and reported, never an error; only a query too long or
 * with too many parts to search quickly is refused.
 */
export function parseQuery(q: string): ParsedQuery {
  const text = q.trim();
  if (text.length > MAX_QUERY_LENGTH) throw new AppError("BAD_REQUEST", QUERY_TOO_LONG);
  const query: ParsedQuery = {
    words: [],
    phrases: [],
    excluded: [],
    authors: [],
    groupHandles: [],
    types: [],
    status: null,
    before: null,
    after: null,
    order: "newest",
    ignored: [],
  };
  let terms = 0;
  const addOnce = <T>(list: T[], value: T) => {
    if (!list.includes(value)) list.push(value);
  };

  for (const token of tokens(text)) {
    const negated = token.length > 1 && token.startsWith("-");
    const rest = negated ? token.slice(1) : token;
    const operator = rest.startsWith('"') ? null : OPERATOR.exec(rest);

    if (rest.startsWith("@") && wordCount(rest) > 0) {
      if (negated) query.ignored.push(token);
      else addOnce(query.authors, unquote(rest.slice(1)));
      terms += 1;
    } else if (operator && !operator[2]!.startsWith("//")) {
      const value = unquote(operator[2]!);
      if (negated || !applyOperator(query, operator[1]!.toLowerCase(), value)) query.ignored.push(token);
      else terms += 1;
    } else {
      const words = unquote(rest);
      const count = wordCount(words);
      if (count === 0) continue;
      terms += count;
      const lower = words.toLowerCase();
      if (negated) addOnce(query.excluded, lower);
      else if (rest.startsWith('"') && count > 1) addOnce(query.phrases, lower);
      else for (const word of lower.split(" ")) if (wordCount(word) > 0) addOnce(query.words, word);
    }
    if (terms > MAX_QUERY_TERMS) throw new AppError("BAD_REQUEST", TOO_MANY_TERMS);
  }
  return query;
}

/** Applies a known operator; false when the key or its value means nothing here. */
function applyOperator(query: ParsedQuery, key: string, value: string): boolean {
  switch (key) {
    case "in":
      if (!value) return false;
      if (!query.groupHandles.includes(value.toLowerCase())) query.groupHandles.push(value.toLowerCase());
      return true;
    case "type": {
      const type = SEARCH_TYPES.find((known) => known === value.toLowerCase());
      if (!type) return false;
      if (!query.types.includes(type)) query.types.push(type);
      return true;
    }
    case "status": {
      const status = value.toLowerCase();
      if (status !== "open" && status !== "closed") return false;
      query.status = status;
      return true;
    }
    case "order": {
      const order = SEARCH_ORDERS.find((known) => known === value.toLowerCase());
      if (!order) return false;
      query.order = order;
      return true;
    }
    case "before":
    case "after": {
      const day = dayStart(value);
      if (!day) return false;
      query[key] = day;
      return true;
    }
    default:
      return false;
  }
}
