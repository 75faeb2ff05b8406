import { acknowledgedWhere, ackAudienceWhere, idsOf, publishAckChange } from "@/server/acks/audience";
import { followChange, pendingIds } from "@/server/acks/changes";
import type { AckInput, AckStatus } from "@/server/acks/schemas";
import { contentHashOf, NOTHING_TO_ACKNOWLEDGE, requireSubject, type AckSubject } from "@/server/acks/subjects";
import type { Db } from "@/server/db";
import { isUniqueViolation } from "@/server/db/unique-violation";
import { AppError } from "@/server/errors";
import type { Publish } from "@/server/events";
import { notify } from "@/server/notifications/notify";
import { canInGroup, type GroupStanding } from "@/server/policy";

/** An admin may ask again (telling those who have not acknowledged) at most this often. */
export const ASK_AGAIN_AFTER_MS = 60 * 60 * 1000;

const requestSelect = { id: true, contentHash: true, createdAt: true, lastRemindedAt: true } as const;

function findRequest(db: Db, subject: AckSubject) {
  return db.ackRequest.findUnique({ where: { subjectType_subjectId: { subjectType: subject.kind, subjectId: subject.id } }, select: requestSelect });
}

/**
 * Asks the group's members and admins to acknowledge the item as it reads now (admins only).
 * The first request tells everyone; asking again tells those who have not acknowledged the
 * current text, at most once an hour (claimed on lastRemindedAt, so a double click tells once).
 */
export async function requestAck(db: Db, publish: Publish, userId: string, input: AckInput): Promise<AckStatus> {
  const { subject, standing } = await requireSubject(db, userId, input.kind, input.id);
  if (!canInGroup(standing, "ack.request")) throw new AppError("FORBIDDEN", "Only the group's admins can ask people to acknowledge something.");
  if (subject.text === null) throw new AppError("BAD_REQUEST", NOTHING_TO_ACKNOWLEDGE[subject.kind]);
  const contentHash = contentHashOf(subject.text);
  const existing = await findRequest(db, subject);
  let recipients: string[] = [];
  if (!existing) {
    try {
      await db.ackRequest.create({
        data: { groupId: subject.groupId, subjectType: subject.kind, subjectId: subject.id, contentHash, requestedById: userId },
        select: { id: true },
      });
      recipients = await idsOf(db, ackAudienceWhere(subject.groupId));
    } catch (error) {
      // Another admin asked at the same moment, and told everyone.
      if (!isUniqueViolation(error)) throw error;
    }
  } else {
    const toldOfChange = await followChange(db, publish, existing, subject, contentHash);
    const cutoff = new Date(Date.now() - ASK_AGAIN_AFTER_MS);
    const { count } = await db.ackRequest.updateMany({
      where: { id: existing.id, createdAt: { lte: cutoff }, OR: [{ lastRemindedAt: null }, { lastRemindedAt: { lte: cutoff } }] },
      data: { lastRemindedAt: new Date(), requestedById: userId, groupId: subject.groupId },
    });
    if (!count) {
      throw new AppError(
        "CONFLICT",
        "Everyone who has not acknowledged it was asked less than an hour ago. Hearth reminds them every three days until they do.",
      );
    }
    const told = new Set(toldOfChange);
    recipients = (await pendingIds(db, subject, existing.id, contentHash)).filter((id) => !told.has(id));
  }
  publishAckChange(publish, subject);
  await notify(db, publish, {
    recipients,
    kind: "ack_requested",
    actorId: userId,
    groupId: subject.groupId,
    title: subject.title,
    url: subject.url,
    details: ["Please read it and acknowledge it with the “I have read this” button."],
  });
  return statusOf(db, publish, userId, subject, standing);
}

/**
 * The caller acknowledges the item as it reads now (members and admins of its group). Idempotent:
 * acknowledging the same text again changes nothing; the claim is a conditional update, and a
 * race to create the row is the same acknowledgement.
 */
export async function confirmAck(db: Db, publish: Publish, userId: string, input: AckInput): Promise<AckStatus> {
  const { subject, standing } = await requireSubject(db, userId, input.kind, input.id);
  if (!canInGroup(standing, "ack.confirm")) {
    throw new AppError("FORBIDDEN", "Only the group's members and admins are asked to acknowledge; guests see the counts only.");
  }
  const request = await findRequest(db, subject);
  if (!request || subject.text === null) throw new AppError("BAD_REQUEST", "Nobody has asked for this to be acknowledged, so there is nothing to confirm.");
  const contentHash = contentHashOf(subject.text);
  await followChange(db, publish, request, subject, contentHash);
  const { count } = await db.acknowledgement.updateMany({
    where: { requestId: request.id, userId, contentHash: { not: contentHash } },
    data: { contentHash, at: new Date() },
  });
  let changed = count > 0;
  if (!changed) {
    try {
      await db.acknowledgement.create({ data: { requestId: request.id, userId, contentHash }, select: { userId: true } });
      changed = true;
    } catch (error) {
      // Already acknowledged, this very text.
      if (!isUniqueViolation(error)) throw error;
    }
  }
  if (changed) publishAckChange(publish, subject);
  return statusOf(db, publish, userId, subject, standing);
}

/** ack.status: counts for everyone who can see the item, names by policy. */
export async function getAckStatus(db: Db, publish: Publish, userId: string, input: AckInput): Promise<AckStatus> {
  const { subject, standing } = await requireSubject(db, userId, input.kind, input.id);
  return statusOf(db, publish, userId, subject, standing);
}

async function statusOf(db: Db, publish: Publish, userId: string, subject: AckSubject, standing: GroupStanding): Promise<AckStatus> {
  const canRequest = canInGroup(standing, "ack.request");
  const canConfirm = canInGroup(standing, "ack.confirm");
  const withNames = canInGroup(standing, "ack.viewAcknowledgedNames");
  const audience = ackAudienceWhere(subject.groupId);
  const request = subject.text === null ? null : await findRequest(db, subject);
  if (!request || subject.text === null) {
    const of = await db.user.count({ where: audience });
    return {
      requested: false,
      acknowledged: 0,
      of,
      mine: false,
      pending: null,
      acknowledgedBy: withNames ? [] : null,
      changedSinceRequest: false,
      canRequest: canRequest && subject.text !== null,
      canConfirm: false,
    };
  }
  const contentHash = contentHashOf(subject.text);
  await followChange(db, publish, request, subject, contentHash);
  const people = { select: { id: true, name: true }, orderBy: [{ name: "asc" as const }, { id: "asc" as const }] };
  const ackedWhere = acknowledgedWhere(subject.groupId, request.id, contentHash, true);
  const [of, acknowledgedBy, pending, mine, earlier] = await Promise.all([
    db.user.count({ where: audience }),
    withNames ? db.user.findMany({ where: ackedWhere, ...people }) : db.user.count({ where: ackedWhere }),
    canRequest ? db.user.findMany({ where: acknowledgedWhere(subject.groupId, request.id, contentHash, false), ...people }) : null,
    db.acknowledgement.count({ where: { requestId: request.id, userId, contentHash } }),
    db.acknowledgement.count({ where: { requestId: request.id, contentHash: { not: contentHash } } }),
  ]);
  return {
    requested: true,
    acknowledged: typeof acknowledgedBy === "number" ? acknowledgedBy : acknowledgedBy.length,
    of,
    mine: mine > 0,
    pending,
    acknowledgedBy: typeof acknowledgedBy === "number" ? null : acknowledgedBy,
    changedSinceRequest: earlier > 0,
    canRequest,
    canConfirm,
  };
}
