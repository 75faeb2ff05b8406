import type { Prisma } from "@/generated/prisma/client.ts";
import { databaseProvider } from "@/server/db";

/** Prisma puts the text inside a LIKE pattern as it is; a search for "100%" means the characters. */
const literally = (text: string) => text.replace(/[\\%_]/g, "\\$&");

/**
 * A "contains, ignoring case" filter on either database, for every language. SQLite's LIKE is
 * Hearth's own there (db/unicode-like.ts) and ignores case; PostgreSQL needs Prisma's insensitive
 * mode (ILIKE), which the SQLite client's types do not know, hence the cast.
 */
export function containsIgnoringCase(text: string): Prisma.StringFilter {
  const contains = literally(text);
  return (databaseProvider() === "postgresql" ? { contains, mode: "insensitive" } : { contains }) as Prisma.StringFilter;
}
