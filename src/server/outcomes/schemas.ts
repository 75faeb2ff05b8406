import { z } from "zod";

export const zOutcomePollInput = z.object({ pollId: z.string().min(1).max(100) });

/** When the caller's view of the outcome was stored: at least the outcome's own time. */
export const zOutcomeSeenMark = z.object({ seenAt: z.date() });

/** `people`: those who have seen the current outcome, by name; null for guests, who see the counts only. */
export const zOutcomeSeenBy = z.object({
  seen: z.number().int(),
  of: z.number().int(),
  people: z.array(z.object({ id: z.string(), name: z.string() })).nullable(),
});
export type OutcomeSeenBy = z.infer<typeof zOutcomeSeenBy>;
