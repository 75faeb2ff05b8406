import { createHash } from "node:crypto";
import type { AckKind } from "@/server/acks/schemas";
import type { Db } from "@/server/db";
import { requireDocumentAccess } from "@/server/documents/access";
import { AppError } from "@/server/errors";
import { getStanding } from "@/server/groups/standing";
import { requireMeeting } from "@/server/meetings/access";
import { pollUrl } from "@/server/notifications/triggers";
import type { GroupStanding } from "@/server/policy";
import { requirePollAccess } from "@/server/polls/access";

/**
 * What can be acknowledged, as it is now. `text` is null while there is nothing to acknowledge:
 * a poll without an outcome, a meeting without minutes, a version that was not adopted.
 */
export type AckSubject = { kind: AckKind; id: string; groupId: string; title: string; url: string; text: string | Uint8Array | null };

/** Reads the item with no access check (for the reminder job); null when it no longer exists. */
export async function readSubject(db: Db, kind: AckKind, id: string): Promise<AckSubject | null> {
  if (kind === "outcome") {
    const poll = await db.poll.findUnique({
      where: { id },
      select: { groupId: true, threadId: true, title: true, outcomeStatement: true, outcomeOptionId: true, outcomeAt: true },
    });
    if (!poll) return null;
    // The chosen option is part of what was decided: changing it changes the outcome as much as its words.
    const text = poll.outcomeAt && poll.outcomeStatement !== null ? `${poll.outcomeStatement}\u0000${poll.outcomeOptionId ?? ""}` : null;
    return { kind, id, groupId: poll.groupId, title: `Outcome: ${poll.title}`, url: pollUrl({ id, threadId: poll.threadId }), text };
  }
  if (kind === "minutes") {
    const meeting = await db.meeting.findUnique({ where: { id }, select: { groupId: true, title: true, minutes: true } });
    if (!meeting) return null;
    const text = meeting.minutes.trim() === "" ? null : meeting.minutes;
    return { kind, id, groupId: meeting.groupId, title: `Minutes: ${meeting.title}`, url: `/meetings/${id}#minutes`, text };
  }
  const version = await db.documentVersion.findUnique({
    where: { id },
    select: { name: true, state: true, adoptedAt: true, document: { select: { id: true, groupId: true, title: true } } },
  });
  if (!version) return null;
  const { document } = version;
  return {
    kind,
    id,
    groupId: document.groupId,
    title: `${document.title}: ${version.name ?? "adopted version"}`,
    url: `/documents/${document.id}/history?version=${id}`,
    text: version.adoptedAt ? version.state : null,
  };
}

const VERSION_NOT_VISIBLE = "That version does not exist, or you cannot see it.";

/**
 * The item with the caller's standing in its group, only if they may see it: the poll (as
 * poll.byId), the meeting (members and admins) or the version's document. Anything else is
 * NOT_FOUND, so ids from elsewhere reveal nothing.
 */
export async function requireSubject(db: Db, userId: string, kind: AckKind, id: string): Promise<{ subject: AckSubject; standing: GroupStanding }> {
  let standing: GroupStanding;
  if (kind === "outcome") {
    standing = (await requirePollAccess(db, userId, id)).standing;
  } else if (kind === "minutes") {
    standing = (await requireMeeting(db, userId, id)).standing;
  } else {
    const version = await db.documentVersion.findUnique({ where: { id }, select: { documentId: true } });
    if (!version) throw new AppError("NOT_FOUND", VERSION_NOT_VISIBLE);
    const document = await requireDocumentAccess(db, userId, version.documentId, "view");
    standing = await getStanding(db, userId, document.groupId);
  }
  const subject = await readSubject(db, kind, id);
  if (!subject) throw new AppError("NOT_FOUND", kind === "document_version" ? VERSION_NOT_VISIBLE : "That no longer exists.");
  return { subject, standing };
}

/** SHA-256 of the item's text (or a version's state bytes), hex. */
export function contentHashOf(text: string | Uint8Array): string {
  return createHash("sha256").update(text).digest("hex");
}

/** Why there is nothing to acknowledge yet, in words for the admin who asked. */
export const NOTHING_TO_ACKNOWLEDGE: Record<AckKind, string> = {
  outcome: "This poll has no outcome yet. Write the outcome first, then ask people to acknowledge it.",
  minutes: "This meeting has no minutes yet. Add the minutes first, then ask people to acknowledge them.",
  document_version: "Only an adopted version can be acknowledged, and this one has not been adopted.",
};
