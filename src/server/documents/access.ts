import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { getStanding } from "@/server/groups/standing";
import { canInGroup, canViewDocument } from "@/server/policy";

export type DocumentAccess = { documentId: string; groupId: string; title: string; canEdit: boolean };

const NOT_VISIBLE = "That document does not exist, or you cannot see it.";

/**
 * Loads a document only if the caller may see it: members and admins see every document of
 * their group, guests only the documents they were invited to, and those read-only. Anything
 * else is NOT_FOUND, so document ids reveal nothing; a guest asking to edit gets FORBIDDEN.
 */
export async function requireDocumentAccess(
  db: Db,
  userId: string,
  documentId: string,
  need: "view" | "edit",
): Promise<DocumentAccess> {
  const document = await db.document.findUnique({
    where: { id: documentId },
    select: { id: true, groupId: true, title: true, guests: { where: { userId }, select: { userId: true } } },
  });
  if (!document) throw new AppError("NOT_FOUND", NOT_VISIBLE);
  const standing = await getStanding(db, userId, document.groupId);
  if (!canViewDocument(standing, { isDocumentGuest: document.guests.length > 0 })) {
    throw new AppError("NOT_FOUND", NOT_VISIBLE);
  }
  const canEdit = canInGroup(standing, "document.edit");
  if (need === "edit" && !canEdit) throw new AppError("FORBIDDEN", "You can read this document but not change it.");
  return { documentId: document.id, groupId: document.groupId, title: document.title, canEdit };
}
