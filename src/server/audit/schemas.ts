import { z } from "zod";
import { zGroupId } from "@/server/groups/schemas";

export const zAuditListInput = z.object({
  groupId: zGroupId,
  /** Null or absent for the first page (tRPC's infinite queries start from null). */
  cursor: z.string().max(100).nullish(),
});
export type AuditListInput = z.infer<typeof zAuditListInput>;

const zAuditValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const zAuditEntry = z.object({
  id: z.string(),
  /** e.g. "member.role_changed" (src/server/audit/actions.ts has the list). */
  action: z.string(),
  /** Null for Hearth itself (a poll closed on time) and for accounts since deleted; `actorName` says which. */
  actor: z.object({ id: z.string(), name: z.string() }).nullable(),
  actorName: z.string(),
  /** The whole sentence, actor first: "Morgan Staff changed Sam Rivers's role from member to admin". */
  sentence: z.string(),
  /** What it was done to, named as it was then; `url` only while it still exists in this group. */
  subject: z.object({ type: z.string(), id: z.string().nullable(), label: z.string(), url: z.string().nullable() }),
  /** The fields that changed, before and after; empty objects when the entry has none. */
  before: z.record(z.string(), zAuditValue),
  after: z.record(z.string(), zAuditValue),
  /** The same, ready to read: a label and each value as text ("" when the side has none). */
  changes: z.array(z.object({ field: z.string(), label: z.string(), before: z.string(), after: z.string() })),
  createdAt: z.date(),
});
export type AuditEntryDto = z.infer<typeof zAuditEntry>;

export const zAuditPage = z.object({ items: z.array(zAuditEntry), nextCursor: z.string().nullable() });
export type AuditPage = z.infer<typeof zAuditPage>;
