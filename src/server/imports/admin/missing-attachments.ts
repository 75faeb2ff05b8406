import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import type { Publish } from "@/server/events";
import { assertOwnFiles, fileSummarySelect, toFileSummary } from "@/server/files/service";
import type { FileSummary } from "@/server/files/schemas";
import type { RestoreAttachmentInput } from "@/server/imports/admin/schemas";
import { canInGroup } from "@/server/policy";
import { requireThreadAccess } from "@/server/threads/access";

const GONE = "That attachment is no longer missing: someone has uploaded it already.";

/**
 * Puts the real file in place of an attachment an import could only name: the file (uploaded by
 * the caller through POST /api/uploads) becomes one of the thread's attachments, and the "not
 * migrated" line goes, in one transaction. The missing row is claimed by deleting it, so of two
 * admins uploading at once one succeeds and the other is told it is done.
 */
export async function restoreMissingAttachment(db: Db, publish: Publish, userId: string, input: RestoreAttachmentInput): Promise<FileSummary> {
  const missing = await db.missingAttachment.findUnique({ where: { id: input.id }, select: { threadId: true } });
  if (!missing) throw new AppError("NOT_FOUND", GONE);
  const access = await requireThreadAccess(db, userId, missing.threadId);
  if (!canInGroup(access.standing, "thread.restoreAttachment")) {
    throw new AppError("FORBIDDEN", "Only the group's admins can upload a file that was not migrated.");
  }
  await assertOwnFiles(db, userId, [input.fileId]);
  const file = await db.$transaction(async (tx) => {
    const { count } = await tx.missingAttachment.deleteMany({ where: { id: input.id } });
    if (count === 0) throw new AppError("CONFLICT", GONE);
    await tx.threadAttachment.upsert({
      where: { threadId_fileId: { threadId: missing.threadId, fileId: input.fileId } },
      create: { threadId: missing.threadId, fileId: input.fileId },
      update: {},
    });
    return tx.storedFile.findUniqueOrThrow({ where: { id: input.fileId }, select: fileSummarySelect });
  });
  publish({ name: "thread.updated", room: `thread:${missing.threadId}`, payload: { threadId: missing.threadId } });
  return toFileSummary(file);
}
