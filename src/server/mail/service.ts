import type { Db } from "@/server/db";
import { renderEmail, type EmailContent } from "@/server/mail/template";

export function isSmtpConfigured(): boolean {
  return Boolean(process.env.SMTP_URL);
}

/** Absolute links for emails: the address people reach Hearth at. */
export function absoluteUrl(path: string): string {
  const base = process.env.NEXTAUTH_URL ?? "http://localhost:3000";
  return new URL(path, base).toString();
}

export type MailOptions = {
  /** The recipient's account, when they have one. */
  userId?: string;
  /** Sent as List-Unsubscribe / List-Unsubscribe-Post (RFC 8058) by the delivery worker. */
  unsubscribeUrl?: string;
};

export type Mail = { to: string; subject: string; content: EmailContent } & MailOptions;

const holder = globalThis as unknown as { hearthMailWake?: () => void };

/** The delivery worker (mail/worker.ts) registers here, so new mail goes out without waiting for its next tick. */
export function onMailQueued(wake: (() => void) | undefined): void {
  holder.hearthMailWake = wake;
}

/** Asks the worker for a delivery pass soon; nothing happens where no worker runs (tests, builds). */
export function wakeMailWorker(): void {
  holder.hearthMailWake?.();
}

/**
 * Queues messages in the outbox, one statement for all of them. Nothing here talks to SMTP:
 * the worker in the server process delivers them, so a slow or failing mail server never
 * delays or fails the request that caused them.
 */
export async function queueMails(db: Pick<Db, "outboxMessage">, mails: readonly Mail[]): Promise<{ id: string }[]> {
  if (mails.length === 0) return [];
  const rows = await db.outboxMessage.createManyAndReturn({
    data: mails.map(({ to, subject, content, userId, unsubscribeUrl }) => ({
      to,
      subject,
      ...renderEmail(content),
      userId: userId ?? null,
      unsubscribeUrl: unsubscribeUrl ?? null,
    })),
    select: { id: true },
  });
  wakeMailWorker();
  return rows;
}

/** Queues one message; see queueMails. */
export async function sendMail(
  db: Pick<Db, "outboxMessage">,
  to: string,
  subject: string,
  content: EmailContent,
  options: MailOptions = {},
): Promise<{ id: string }> {
  const [row] = await queueMails(db, [{ to, subject, content, ...options }]);
  return row!;
}
