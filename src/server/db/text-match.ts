import type { Prisma } from "@/generated/prisma/client.ts";
import { providerOf } from "@/server/db/database-provider";

/**
 * A "contains, ignoring case" filter on either database. SQLite's LIKE already ignores case
 * (for ASCII letters); PostgreSQL needs Prisma's insensitive mode (ILIKE), which the SQLite
 * client's types do not know, hence the cast.
 */
export function containsIgnoringCase(text: string): Prisma.StringFilter {
  const onPostgres = providerOf(process.env.DATABASE_URL ?? "file:") === "postgresql";
  return (onPostgres ? { contains: text, mode: "insensitive" } : { contains: text }) as Prisma.StringFilter;
}
