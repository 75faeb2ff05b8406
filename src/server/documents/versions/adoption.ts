import type { Db } from "@/server/db";
import { recordAdoptedVersion } from "@/server/decisions/sync";
import { requireDocumentAccess } from "@/server/documents/access";
import type { ProposeAdoptionInput } from "@/server/documents/versions/schemas";
import { AppError } from "@/server/errors";
import type { Publish } from "@/server/events";
import { requireInGroup } from "@/server/groups/standing";
import { createPoll } from "@/server/polls/create";

/**
 * Adoption proposals use the consensus template; the version is adopted when the outcome
 * recorded after the vote names this, its first option, as the group's decision.
 */
const PROPOSAL_TEMPLATE = "consensus";
export const AGREEING_OPTION = "Agree";

export function historyPath(documentId: string, versionId: string): string {
  return `/documents/${documentId}/history?version=${versionId}`;
}

/**
 * Starts a proposal in the document's group to adopt one named version. Named versions are
 * frozen, so what people vote on cannot change under them. One proposal per version at a time.
 */
export async function proposeAdoption(db: Db, publish: Publish, userId: string, input: ProposeAdoptionInput): Promise<{ pollId: string }> {
  const access = await requireDocumentAccess(db, userId, input.id, "view");
  await requireInGroup(db, userId, access.groupId, "poll.create");
  const version = await db.documentVersion.findFirst({
    where: { id: input.versionId, documentId: access.documentId },
    select: { id: true, kind: true, name: true, adoptedAt: true, pollId: true, poll: { select: { closedAt: true, closingAt: true } } },
  });
  if (!version) throw new AppError("NOT_FOUND", "That version does not exist in this document.");
  if (version.kind !== "named" || !version.name) {
    throw new AppError("BAD_REQUEST", "Only a named version can be proposed for adoption. Name this version first.");
  }
  if (version.adoptedAt) throw new AppError("CONFLICT", "This version has already been adopted.");
  if (version.poll && !version.poll.closedAt && version.poll.closingAt > new Date()) {
    throw new AppError("CONFLICT", "A proposal to adopt this version is already open.");
  }
  const title = `Adopt “${version.name}” of ${access.title}`;
  const { id: pollId } = await createPoll(db, publish, userId, {
    groupId: access.groupId,
    kind: "proposal",
    template: PROPOSAL_TEMPLATE,
    title: title.length > 200 ? `${title.slice(0, 199)}…` : title,
    details:
      `This proposal adopts the version [“${version.name.replace(/[[\]\\]/g, "\\$&")}”](${historyPath(access.documentId, version.id)}) ` +
      `of the document **${access.title.replace(/[*_[\]\\]/g, "\\$&")}** as the group's agreed text. ` +
      `The version is frozen: later edits to the document do not change it.\n\n` +
      `If the outcome records “${AGREEING_OPTION}”, it becomes the adopted version.`,
    closingAt: input.closingAt,
  });
  const linked = await db.documentVersion.updateMany({ where: { id: version.id, pollId: version.pollId }, data: { pollId } });
  if (linked.count === 0) {
    await db.poll.delete({ where: { id: pollId } });
    throw new AppError("CONFLICT", "Someone else just proposed adopting this version.");
  }
  return { pollId };
}

/**
 * Called whenever a poll's outcome is set or cleared. If the poll proposes adopting a document
 * version, the version is adopted exactly while the recorded outcome names the agreeing option;
 * the document's adopted version is then the most recently adopted one. Returns the document
 * when its adoption changed (its guests are told), otherwise null.
 */
export async function syncAdoption(db: Db, pollId: string): Promise<string | null> {
  const version = await db.documentVersion.findUnique({
    where: { pollId },
    select: { id: true, documentId: true, adoptedAt: true, poll: { select: { outcomeOptionId: true, outcomeAt: true } } },
  });
  if (!version) return null;
  const optionId = version.poll?.outcomeOptionId;
  const option = optionId ? await db.pollOption.findUnique({ where: { id: optionId }, select: { name: true } }) : null;
  const agreed = option?.name === AGREEING_OPTION;
  if (agreed === (version.adoptedAt !== null)) return null;
  await db.$transaction(async (tx) => {
    await tx.documentVersion.update({
      where: { id: version.id },
      data: { adoptedAt: agreed ? (version.poll?.outcomeAt ?? new Date()) : null },
      select: { id: true },
    });
    const latest = await tx.documentVersion.findFirst({
      where: { documentId: version.documentId, adoptedAt: { not: null } },
      orderBy: { adoptedAt: "desc" },
      select: { id: true },
    });
    await tx.document.update({ where: { id: version.documentId }, data: { adoptedVersionId: latest?.id ?? null }, select: { id: true } });
  });
  if (agreed) await recordAdoptedVersion(db, version.id);
  return version.documentId;
}
