import { AppError } from "@/server/errors";
import { INVALID_CURSOR } from "@/server/search/schemas";

/** Where a page ended: its last result's time and entry number (results are newest first, then by entry, descending). */
export type SearchPosition = { at: Date; id: number };

/** Opaque to clients: they send it back as it is, and its parts may change. */
export function encodeCursor(position: SearchPosition): string {
  return Buffer.from(`${position.at.getTime()}:${position.id}`, "utf8").toString("base64url");
}

export function decodeCursor(cursor: string): SearchPosition {
  const match = /^(\d{1,15}):(\d{1,15})$/.exec(Buffer.from(cursor, "base64url").toString("utf8"));
  if (!match) throw new AppError("BAD_REQUEST", INVALID_CURSOR);
  return { at: new Date(Number(match[1])), id: Number(match[2]) };
}
