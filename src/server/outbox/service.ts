import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { getSiteActor } from "@/server/groups/site-actor";
import { REMOVED_LINK } from "@/server/mail/one-time-links";
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

function toItem(row: Omit<OutboxMessageItem, "linkRemoved">): OutboxMessageItem {
  return { ...row, linkRemoved: row.text.includes(REMOVED_LINK) };
}

async function requireSiteAdmin(db: Db, userId: string, action: SiteAction, message: string): Promise<void> {
  if (!canOnSite(await getSiteActor(db, userId), action)) throw new AppError("FORBIDDEN", message);
}

/** Every email Hearth has sent or kept, newest first: for the instance administrator only (queued mail holds reset links). */
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
  const items = rows.slice(0, OUTBOX_PAGE_SIZE).map(toItem);
  return { items, nextCursor: rows.length > OUTBOX_PAGE_SIZE ? items[items.length - 1]!.id : null, smtpConfigured: isSmtpConfigured() };
}

/**
 * Puts a failed message back in the queue with a fresh set of attempts, due now. One whose
 * one-time link was removed stays failed: sent again, it would carry a link that leads nowhere.
 */
export async function retryOutboxMessage(db: Db, userId: string, id: string): Promise<OutboxMessageItem> {
  await requireSiteAdmin(db, userId, "site.retryMail", "Only the instance administrator can send email again.");
  const { count } = await db.outboxMessage.updateMany({
    where: { id, status: "failed", NOT: { text: { contains: REMOVED_LINK } } },
    data: { status: "queued", attempts: 0, nextAttemptAt: new Date(), error: null },
  });
  const row = await db.outboxMessage.findUnique({ where: { id }, select: messageSelect });
  if (!row) throw new AppError("NOT_FOUND", "That email is not in the outbox.");
  const message = toItem(row);
  if (count === 0 && message.status === "failed" && message.linkRemoved) {
    throw new AppError(
      "CONFLICT",
      "This email's one-time link was removed when it failed, so it cannot be sent again. Send a new invitation, or ask the person to request a new password reset link.",
    );
  }
  if (count === 0) throw new AppError("CONFLICT", "Only an email that failed can be sent again.");
  wakeMailWorker();
  return message;
}
