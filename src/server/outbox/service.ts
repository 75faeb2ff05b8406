import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { getSiteActor } from "@/server/groups/site-actor";
import type { OutboxMessageItem } from "@/server/outbox/schemas";
import { canOnSite } from "@/server/policy";

export const OUTBOX_PAGE_SIZE = 25;

/** Every email Hearth has sent or kept, newest first: for the instance administrator only (it holds reset links). */
export async function listOutbox(
  db: Db,
  userId: string,
  cursor: string | undefined,
): Promise<{ items: OutboxMessageItem[]; nextCursor: string | null }> {
  if (!canOnSite(await getSiteActor(db, userId), "site.readOutbox")) {
    throw new AppError("FORBIDDEN", "Only the instance administrator can read the email outbox.");
  }
  const rows = await db.outboxMessage.findMany({
    select: { id: true, to: true, subject: true, text: true, createdAt: true, sentAt: true, error: true },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: OUTBOX_PAGE_SIZE + 1,
    ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
  });
  const items = rows.slice(0, OUTBOX_PAGE_SIZE);
  return { items, nextCursor: rows.length > OUTBOX_PAGE_SIZE ? items[items.length - 1]!.id : null };
}
