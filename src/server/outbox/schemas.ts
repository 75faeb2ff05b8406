import { z } from "zod";

export const zOutboxListInput = z.object({ cursor: z.string().min(1).max(100).optional() });

export const zOutboxMessage = z.object({
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  /** The plain-text part: the HTML part is never shown, so a message cannot inject markup into the page. */
  text: z.string(),
  createdAt: z.date(),
  /** queued: waiting for its (next) attempt, or for an SMTP server to be configured; sent; failed for good. */
  status: z.enum(["queued", "sent", "failed"]),
  attempts: z.number().int().min(0),
  nextAttemptAt: z.date(),
  sentAt: z.date().nullable(),
  error: z.string().nullable(),
  /** Its one-time link (invitation, password reset) was removed once it was sent or given up on. */
  linkRemoved: z.boolean(),
});
export type OutboxMessageItem = z.infer<typeof zOutboxMessage>;

export const zOutboxPage = z.object({
  items: z.array(zOutboxMessage),
  nextCursor: z.string().nullable(),
  /** Without SMTP_URL nothing is sent: queued messages stay here and nobody receives them. */
  smtpConfigured: z.boolean(),
});

export const zOutboxRetryInput = z.object({ id: z.string().min(1).max(100) });
