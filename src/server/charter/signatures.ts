import { recordAudit } from "@/server/audit/record";
import type { Db } from "@/server/db";
import { isUniqueViolation } from "@/server/db/unique-violation";
import { AppError } from "@/server/errors";
import type { Publish } from "@/server/events";
import { getStanding, requireInGroup } from "@/server/groups/standing";
import { notify, withoutFailing } from "@/server/notifications/notify";
import { canInGroup, rolesAlwaysAllowed } from "@/server/policy";
import { publishCharterChange } from "@/server/charter/access";
import type { ApproveSignatureInput, RequestSignatureInput, SignatureResult } from "@/server/charter/schemas";

const NOT_VISIBLE = "That signature request does not exist, or you cannot see it.";
/** Dates come as a calendar day at midnight UTC; a day that has begun anywhere on Earth is not in the future. */
const LATEST_TIME_ZONE_MS = 14 * 3_600_000;

const alreadyAsked = (organisation: string) =>
  `${organisation} has already asked to sign this charter. An admin of the group will approve or decline it.`;

/**
 * Tells the group's admins (those who decide signatures) of a new request, leading to the
 * charter page's requests. Called once per request: only after the create or the reopening from
 * declined succeeded, so a repeated or racing request tells nobody again.
 */
async function notifyDeciders(db: Db, publish: Publish, requesterId: string, groupId: string, organisation: string): Promise<void> {
  const group = await db.group.findUnique({
    where: { id: groupId },
    select: {
      name: true,
      handle: true,
      memberships: { where: { role: { in: [...rolesAlwaysAllowed("charter.decideSignature")] } }, select: { userId: true } },
    },
  });
  if (!group) return;
  await notify(db, publish, {
    recipients: group.memberships.map(({ userId }) => userId),
    kind: "signature_requested",
    actorId: requesterId,
    groupId,
    title: group.name,
    url: `/groups/${group.handle}/charter#requests-heading`,
    details: [`${organisation} would like to sign the charter of ${group.name}.`, "Approve it with the date they signed, or decline it, under “Requests to sign”."],
  });
}

/**
 * A member or admin asks for their own organisation (User.organisationId) to sign the group's
 * charter. One request per organisation: asking again while one is pending or approved is a
 * CONFLICT; after a decline, asking again reopens the same request. Open charter pages of the
 * group refetch (admins see it among the pending requests), and the admins get a
 * signature_requested notice (bell, and email and push as their settings say).
 */
export async function requestSignature(db: Db, publish: Publish, userId: string, input: RequestSignatureInput): Promise<SignatureResult> {
  await requireInGroup(db, userId, input.groupId, "charter.requestSignature");
  const [me, charter] = await Promise.all([
    db.user.findUnique({ where: { id: userId }, select: { organisation: { select: { id: true, name: true } } } }),
    db.charter.findUnique({ where: { groupId: input.groupId }, select: { id: true, body: true } }),
  ]);
  const organisation = me?.organisation;
  if (!organisation) {
    throw new AppError(
      "FORBIDDEN",
      "Your account does not belong to an organisation, so there is none for you to sign for. Choose your organisation on your account page first.",
    );
  }
  if (input.organisationId !== undefined && input.organisationId !== organisation.id) {
    throw new AppError("FORBIDDEN", `You can only ask to sign for your own organisation, ${organisation.name}.`);
  }
  if (!charter || charter.body.trim() === "") throw new AppError("BAD_REQUEST", "This group has no charter to sign yet.");

  const existing = await db.charterSignature.findUnique({
    where: { charterId_organisationId: { charterId: charter.id, organisationId: organisation.id } },
    select: { id: true, status: true },
  });
  if (existing?.status === "approved") throw new AppError("CONFLICT", `${organisation.name} has already signed this charter.`);
  if (existing?.status === "pending") throw new AppError("CONFLICT", alreadyAsked(organisation.name));

  let id: string;
  if (existing) {
    const reopened = await db.charterSignature.updateMany({
      where: { id: existing.id, status: "declined" },
      data: { status: "pending", requestedById: userId, decidedById: null, decidedAt: null, signedOn: null, note: "", createdAt: new Date() },
    });
    if (reopened.count === 0) throw new AppError("CONFLICT", alreadyAsked(organisation.name));
    id = existing.id;
  } else {
    try {
      ({ id } = await db.charterSignature.create({
        data: { charterId: charter.id, organisationId: organisation.id, requestedById: userId },
        select: { id: true },
      }));
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError("CONFLICT", alreadyAsked(organisation.name));
      throw error;
    }
  }
  publishCharterChange(publish, input.groupId);
  await withoutFailing("signature_requested", () => notifyDeciders(db, publish, userId, input.groupId, organisation.name));
  return { id, status: "pending", signedOn: null };
}

/** Midnight UTC of the day `at` falls on, as the date pickers send days. */
function dayOf(at: Date): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
}

/**
 * A group admin approves (or declines) a pending request. The request is claimed first with a
 * conditional update from pending, so of two admins deciding at once only one decision is
 * written and the other is told. An approval also marks the organisation as a charter signatory
 * in the organisations directory (Organisation.signedCharter and its date) unless it already is.
 */
export async function approveSignature(db: Db, publish: Publish, userId: string, input: ApproveSignatureInput): Promise<SignatureResult> {
  const signature = await db.charterSignature.findUnique({
    where: { id: input.signatureId },
    select: { id: true, organisationId: true, organisation: { select: { name: true } }, charter: { select: { id: true, groupId: true } } },
  });
  if (!signature) throw new AppError("NOT_FOUND", NOT_VISIBLE);
  const standing = await getStanding(db, userId, signature.charter.groupId);
  if (!canInGroup(standing, "charter.view")) throw new AppError("NOT_FOUND", NOT_VISIBLE);
  if (!canInGroup(standing, "charter.decideSignature")) {
    throw new AppError("FORBIDDEN", "Only the group's admins can approve or decline signatures of its charter.");
  }
  const now = new Date();
  const signedOn = input.approve ? (input.signedOn ?? dayOf(now)) : null;
  if (signedOn && signedOn.getTime() > now.getTime() + LATEST_TIME_ZONE_MS) {
    throw new AppError("BAD_REQUEST", "The organisation cannot have signed on a future date.");
  }
  const status = input.approve ? "approved" : "declined";
  await db.$transaction(async (tx) => {
    const claimed = await tx.charterSignature.updateMany({
      where: { id: signature.id, status: "pending" },
      data: { status, decidedById: userId, decidedAt: now, signedOn },
    });
    if (claimed.count === 0) {
      const current = await tx.charterSignature.findUnique({ where: { id: signature.id }, select: { status: true } });
      throw new AppError("CONFLICT", `${signature.organisation.name}'s request has already been ${current?.status ?? "decided"}.`);
    }
    const subject = { type: "charter" as const, id: signature.charter.id, label: signature.organisation.name };
    const action = input.approve ? "charter.signature_approved" : "charter.signature_declined";
    await recordAudit(tx, { groupId: signature.charter.groupId, actorId: userId, action, subject });
    if (signedOn) {
      await tx.organisation.updateMany({
        where: { id: signature.organisationId, OR: [{ signedCharter: false }, { charterSignedOn: null }] },
        data: { signedCharter: true, charterSignedOn: signedOn },
      });
    }
  });
  publishCharterChange(publish, signature.charter.groupId);
  return { id: signature.id, status, signedOn };
}
