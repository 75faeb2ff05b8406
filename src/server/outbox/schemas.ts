import { z } from "zod";

export const zOutboxListInput = z.object({ cursor: z.string().min(1).max(100).optional() });

export const zOutboxMessage = z.object({
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  /** The plain-text part: the HTML part is never shown, so a message cannot inject markup into the page. */
  text: z.string(),
  createdAt: z.date(),
  sentAt: z.date().nullable(),
  error: z.string().nullable(),
});
export type OutboxMessageItem = z.infer<typeof zOutboxMessage>;

export const zOutboxPage = z.object({ items: z.array(zOutboxMessage), nextCursor: z.string().nullable() });
