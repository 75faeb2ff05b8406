import { acknowledgedWhere, ackAudienceWhere, idsOf, publishAckChange } from "@/server/acks/audience";
import type { AckSubject } from "@/server/acks/subjects";
import type { Db } from "@/server/db";
import type { Publish } from "@/server/events";
import { notify } from "@/server/notifications/notify";

export type StoredRequest = { id: string; contentHash: string };

/**
 * The item's hash is worked out when it is read, so it is right whoever changed the item and
 * however. When it differs from the request's, the request takes the new hash, claim-first (a
 * conditional update), and only the caller that made the claim tells those who had acknowledged
 * the earlier text: once per change, however many read it at the same moment. Returns whom it told.
 */
export async function followChange(db: Db, publish: Publish, request: StoredRequest, subject: AckSubject, contentHash: string): Promise<string[]> {
  if (request.contentHash === contentHash) return [];
  const { count } = await db.ackRequest.updateMany({ where: { id: request.id, contentHash: request.contentHash }, data: { contentHash } });
  if (!count) return [];
  const earlier = await idsOf(db, {
    AND: [ackAudienceWhere(subject.groupId), { acknowledgements: { some: { requestId: request.id, contentHash: { not: contentHash } } } }],
  });
  publishAckChange(publish, subject);
  await notify(db, publish, {
    recipients: earlier,
    kind: "ack_requested",
    actorId: null,
    groupId: subject.groupId,
    title: subject.title,
    url: subject.url,
    details: ["It has changed since you acknowledged it, so your acknowledgement no longer counts. Please read it again and acknowledge it."],
  });
  return earlier;
}

/** Everyone in the audience who has not acknowledged the current text. */
export function pendingIds(db: Db, subject: AckSubject, requestId: string, contentHash: string): Promise<string[]> {
  return idsOf(db, acknowledgedWhere(subject.groupId, requestId, contentHash, false));
}
