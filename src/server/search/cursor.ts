import { AppError } from "@/server/errors";
import type { SearchOrder } from "@/server/search/parse";
import { INVALID_CURSOR } from "@/server/search/schemas";

/**
 * Where a page ended: its last result's key in the page's order, then its entry number (both
 * descending). Newest first by time; best first by relevance, which is the same number on every
 * page of a search (PostgreSQL's ts_rank depends on the entry alone, SQLite's bm25 also on how
 * many entries hold each word, so on SQLite a write between two pages can move results across
 * the boundary).
 */
export type SearchPosition = { order: "newest"; at: Date; id: number } | { order: "best"; score: number; id: number };

/** Opaque to clients: they send it back as it is, and its parts may change. */
export function encodeCursor(position: SearchPosition): string {
  // String(number) gives the shortest text that reads back as the same double.
  const text = position.order === "best" ? `best:${String(position.score)}:${position.id}` : `${position.at.getTime()}:${position.id}`;
  return Buffer.from(text, "utf8").toString("base64url");
}

/** The position a cursor holds, which must be of the search's order (a cursor of the other order is refused). */
export function decodeCursor(cursor: string, order: SearchOrder): SearchPosition {
  const text = Buffer.from(cursor, "base64url").toString("utf8");
  if (order === "best") {
    const match = /^best:([-+.\deE]{1,30}):(\d{1,15})$/.exec(text);
    const score = Number(match?.[1]);
    if (!match || !Number.isFinite(score)) throw new AppError("BAD_REQUEST", INVALID_CURSOR);
    return { order, score, id: Number(match[2]) };
  }
  const match = /^(\d{1,15}):(\d{1,15})$/.exec(text);
  if (!match) throw new AppError("BAD_REQUEST", INVALID_CURSOR);
  return { order, at: new Date(Number(match[1])), id: Number(match[2]) };
}
