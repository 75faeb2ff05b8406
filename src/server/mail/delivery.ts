import nodemailer, { type Transporter } from "nodemailer";
import type { Db } from "@/server/db";
import { logger } from "@/server/logger";
import { MAY_HOLD_ONE_TIME_LINK, REMOVED_LINK, removeOneTimeLinks } from "@/server/mail/one-time-links";

/** Messages handled per pass; the worker runs another pass at once when a batch was full. */
export const MAIL_BATCH_SIZE = 20;
/** After this many failed attempts a message is given up on (status failed). */
export const MAX_ATTEMPTS = 8;
/** Waits after the 1st, 2nd … failed attempt: about 11 hours from the first try to giving up. */
const RETRY_DELAYS_MINUTES = [1, 5, 15, 60, 120, 240, 240];
/** A claimed message is left alone this long, so a worker that died mid-send is retried later, not never. */
const CLAIM_LEASE_MS = 5 * 60_000;
/**
 * Mail older than this when it is first tried (e.g. kept while no SMTP server was configured) is
 * not sent: a reset link or "closes within a day" reminder days late does more harm than good.
 */
export const MAX_QUEUED_AGE_MS = 3 * 24 * 60 * 60_000;

export function retryDelayMs(failedAttempts: number): number {
  const index = Math.min(Math.max(failedAttempts, 1), RETRY_DELAYS_MINUTES.length) - 1;
  return RETRY_DELAYS_MINUTES[index]! * 60_000;
}

type SmtpError = Error & { code?: string; responseCode?: number; response?: string; command?: string };

/**
 * A 5xx answer is the mail server saying "never": e.g. 550 on RCPT TO for an address that does
 * not exist. Retrying cannot help, so the message fails at once. A 5xx to AUTH is different: the
 * credentials in SMTP_URL are wrong, which the administrator can fix, so it is retried.
 */
export function isPermanentFailure(error: unknown): boolean {
  const { responseCode, code } = error as SmtpError;
  return typeof responseCode === "number" && responseCode >= 500 && responseCode < 600 && code !== "EAUTH";
}

function describe(error: unknown): string {
  const smtp = error as SmtpError;
  const reason = smtp.response ?? (error instanceof Error ? error.message : String(error));
  return reason.replace(/\s+/g, " ").trim().slice(0, 300);
}

const holder = globalThis as unknown as { hearthMailTransport?: { url: string; transport: Transporter } };

/** One SMTP transport per SMTP_URL, with timeouts short enough that a hung server cannot stall the queue. */
function transportFor(url: string): Transporter {
  if (holder.hearthMailTransport?.url !== url) {
    holder.hearthMailTransport = {
      url,
      transport: nodemailer.createTransport({ url, pool: true, maxConnections: 2, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 }),
    };
  }
  return holder.hearthMailTransport.transport;
}

/**
 * An email that has been sent or given up on no longer needs its one-time link (an invitation,
 * a password reset): the stored copy keeps the words and loses the token, so the outbox table is
 * no way into anyone's account. Queued mail keeps it, as the next attempt sends it.
 */
function withoutOneTimeLinks(message: { text: string; html: string }): { text: string; html: string } {
  return { text: removeOneTimeLinks(message.text), html: removeOneTimeLinks(message.html) };
}

/** Takes the one-time links out of mail that was sent or failed before they were removed on the way (older versions kept them). */
export async function removeLeftoverOneTimeLinks(db: Db): Promise<number> {
  const finished = await db.outboxMessage.findMany({
    where: { status: { in: ["sent", "failed"] }, OR: MAY_HOLD_ONE_TIME_LINK, NOT: { text: { contains: REMOVED_LINK } } },
    select: { id: true, text: true, html: true },
  });
  const changed = finished.filter((message) => removeOneTimeLinks(message.text) !== message.text);
  await db.$transaction(
    changed.map((message) => db.outboxMessage.update({ where: { id: message.id }, data: withoutOneTimeLinks(message), select: { id: true } })),
  );
  return changed.length;
}

export type DeliveryReport = { smtpConfigured: boolean; sent: number; retrying: number; failed: number };

type DeliveryOptions = { smtpUrl?: string | null; from?: string };

/**
 * One pass of the mail queue: delivers every queued message that is due at `now`. Each message is
 * claimed with a conditional update before it is sent, so two workers (or a restart during a pass)
 * never send it twice. Without an SMTP server nothing is touched: messages stay in the outbox.
 */
export async function deliverDueMail(db: Db, now = new Date(), options: DeliveryOptions = {}): Promise<DeliveryReport> {
  const smtpUrl = options.smtpUrl === undefined ? process.env.SMTP_URL : options.smtpUrl;
  const report: DeliveryReport = { smtpConfigured: Boolean(smtpUrl), sent: 0, retrying: 0, failed: 0 };
  if (!smtpUrl) return report;
  const from = options.from ?? process.env.MAIL_FROM ?? "Hearth <hearth@localhost>";
  const due = await db.outboxMessage.findMany({
    where: { status: "queued", nextAttemptAt: { lte: now } },
    select: { id: true, to: true, subject: true, text: true, html: true, unsubscribeUrl: true, attempts: true, createdAt: true },
    orderBy: [{ nextAttemptAt: "asc" }, { id: "asc" }],
    take: MAIL_BATCH_SIZE,
  });
  for (const message of due) {
    const { count } = await db.outboxMessage.updateMany({
      where: { id: message.id, status: "queued", nextAttemptAt: { lte: now } },
      data: { attempts: { increment: 1 }, nextAttemptAt: new Date(now.getTime() + CLAIM_LEASE_MS) },
    });
    if (count === 0) continue;
    const attempt = message.attempts + 1;
    if (now.getTime() - message.createdAt.getTime() > MAX_QUEUED_AGE_MS) {
      await db.outboxMessage.update({
        where: { id: message.id },
        data: {
          status: "failed",
          error: "Not sent: it waited more than 3 days for a mail server and is out of date now.",
          ...withoutOneTimeLinks(message),
        },
      });
      report.failed += 1;
      continue;
    }
    try {
      await transportFor(smtpUrl).sendMail({
        from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
        headers: message.unsubscribeUrl
          ? { "List-Unsubscribe": `<${message.unsubscribeUrl}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" }
          : {},
      });
      await db.outboxMessage.update({ where: { id: message.id }, data: { status: "sent", sentAt: new Date(), error: null, ...withoutOneTimeLinks(message) } });
      report.sent += 1;
    } catch (error) {
      const reason = describe(error);
      logger.warn({ err: error, outboxMessageId: message.id, attempt }, "email delivery failed");
      if (isPermanentFailure(error)) {
        await db.outboxMessage.update({
          where: { id: message.id },
          data: { status: "failed", error: `The mail server refused it, so it will not be retried: ${reason}`, ...withoutOneTimeLinks(message) },
        });
        report.failed += 1;
      } else if (attempt >= MAX_ATTEMPTS) {
        await db.outboxMessage.update({
          where: { id: message.id },
          data: { status: "failed", error: `Gave up after ${attempt} attempts. Last error: ${reason}`, ...withoutOneTimeLinks(message) },
        });
        report.failed += 1;
      } else {
        const nextAttemptAt = new Date(now.getTime() + retryDelayMs(attempt));
        await db.outboxMessage.update({
          where: { id: message.id },
          data: { nextAttemptAt, error: `Attempt ${attempt} of ${MAX_ATTEMPTS} failed, will retry: ${reason}` },
        });
        report.retrying += 1;
      }
    }
  }
  return report;
}
