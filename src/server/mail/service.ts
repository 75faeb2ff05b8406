import nodemailer, { type Transporter } from "nodemailer";
import type { Db } from "@/server/db";
import { logger } from "@/server/logger";
import { renderEmail, type EmailContent } from "@/server/mail/template";

const holder = globalThis as unknown as { hearthMailTransport?: { url: string; transport: Transporter } };

/** One SMTP transport per SMTP_URL; none when it is unset, and mail stays in the outbox. */
function transportFor(url: string | undefined): Transporter | null {
  if (!url) return null;
  if (holder.hearthMailTransport?.url !== url) {
    holder.hearthMailTransport = { url, transport: nodemailer.createTransport(url) };
  }
  return holder.hearthMailTransport.transport;
}

export function isSmtpConfigured(): boolean {
  return Boolean(process.env.SMTP_URL);
}

/** Absolute links for emails: the address people reach Hearth at. */
export function absoluteUrl(path: string): string {
  const base = process.env.NEXTAUTH_URL ?? "http://localhost:3000";
  return new URL(path, base).toString();
}

export type QueuedMail = { id: string; delivery: Promise<void> };

/**
 * Records the message in the outbox, then hands it to SMTP in the background so a slow or
 * failing mail server never delays the request that caused it. `delivery` settles once the
 * attempt is recorded (tests await it); it never rejects.
 */
export async function sendMail(db: Db, to: string, subject: string, content: EmailContent): Promise<QueuedMail> {
  const { text, html } = renderEmail(content);
  const message = await db.outboxMessage.create({ data: { to, subject, text, html }, select: { id: true } });
  const transport = transportFor(process.env.SMTP_URL);
  const delivery = transport
    ? transport
        .sendMail({ from: process.env.MAIL_FROM ?? "Hearth <hearth@localhost>", to, subject, text, html })
        .then(() => db.outboxMessage.update({ where: { id: message.id }, data: { sentAt: new Date(), error: null } }))
        .catch(async (error: unknown) => {
          logger.warn({ err: error, to }, "email delivery failed");
          const reason = error instanceof Error ? error.message : String(error);
          await db.outboxMessage.update({ where: { id: message.id }, data: { error: reason.slice(0, 500) } }).catch(() => undefined);
        })
        .then(() => undefined)
    : Promise.resolve();
  return { id: message.id, delivery };
}
