import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { getSiteActor } from "@/server/groups/site-actor";
import { isSmtpConfigured, wakeMailWorker } from "@/server/mail/service";
import type { OutboxMessageItem } from "@/server/outbox/schemas";
import { canOnSite, type SiteAction } from "@/server/policy";

export const OUTBOX_PAGE_SIZE = 25;

const messageSelect = {
  id: true,
  to: true,
  subject: true,
  text: true,
  createdAt: true,
  status: true,
  attempts: true,
  nextAttemptAt: true,
  sentAt: true,
  error: true,
} as const;

async function requireSiteAdmin(db: Db, userId: string, action: SiteAction, message: string): Promise<void> {
  if (!canOnSite(await getSiteActor(db, userId), action)) throw new AppError("FORBIDDEN", message);
}

/** Every email Hearth has sent or kept, newest first: for the instance administrator only (it holds reset links). */
export async function listOutbox(
  db: Db,
  userId: string,
  cursor: string | undefined,
): Promise<{ items: OutboxMessageItem[]; nextCursor: string | null; smtpConfigured: boolean }> {
  await requireSiteAdmin(db, userId, "site.readOutbox", "Only the instance administrator can read the email outbox.");
  const rows = await db.outboxMessage.findMany({
    select: messageSelect,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: OUTBOX_PAGE_SIZE + 1,
    ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
  });
  const items = rows.slice(0, OUTBOX_PAGE_SIZE);
  return { items, nextCursor: rows.length > OUTBOX_PAGE_SIZE ? items[items.length - 1]!.id : null, smtpConfigured: isSmtpConfigured() };
}

/** Puts a failed message back in the queue with a fresh set of attempts, due now. */
export async function retryOutboxMessage(db: Db, userId: string, id: string): Promise<OutboxMessageItem> {
  await requireSiteAdmin(db, userId, "site.retryMail", "Only the instance administrator can send email again.");
  const { count } = await db.outboxMessage.updateMany({
    where: { id, status: "failed" },
    data: { status: "queued", attempts: 0, nextAttemptAt: new Date(), error: null },
  });
  const message = await db.outboxMessage.findUnique({ where: { id }, select: messageSelect });
  if (!message) throw new AppError("NOT_FOUND", "That email is not in the outbox.");
  if (count === 0) throw new AppError("CONFLICT", "Only an email that failed can be sent again.");
  wakeMailWorker();
  return message;
}
