import { z } from "zod";

export const ACK_KINDS = ["outcome", "document_version", "minutes"] as const;
export const zAckKind = z.enum(ACK_KINDS);
export type AckKind = z.infer<typeof zAckKind>;

/** `id`: the poll's id (kind outcome), the document version's id, or the meeting's id (minutes). */
export const zAckInput = z.object({ kind: zAckKind, id: z.string().min(1).max(100) });
export type AckInput = z.infer<typeof zAckInput>;

const zPerson = z.object({ id: z.string(), name: z.string() });

/**
 * Acknowledgements of the item as it reads now, among the group's members and admins now.
 * `pending` (who has not) is for those who may ask (admins), `acknowledgedBy` for members and
 * admins; both null for guests. `changedSinceRequest`: some acknowledged an earlier text, which
 * no longer counts. `canRequest` / `canConfirm`: what the caller may do here.
 */
export const zAckStatus = z.object({
  requested: z.boolean(),
  acknowledged: z.number().int(),
  of: z.number().int(),
  mine: z.boolean(),
  pending: z.array(zPerson).nullable(),
  acknowledgedBy: z.array(zPerson).nullable(),
  changedSinceRequest: z.boolean(),
  canRequest: z.boolean(),
  canConfirm: z.boolean(),
});
export type AckStatus = z.infer<typeof zAckStatus>;
