import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { getStanding } from "@/server/groups/standing";
import { canInGroup, canViewDocument } from "@/server/policy";

/**
 * `canSuggest`: editors, and guests when the document lets guests invited to read suggest
 * changes; a guest who may suggest still never edits directly (the live room checks every change).
 */
export type DocumentAccess = {
  documentId: string;
  groupId: string;
  title: string;
  canEdit: boolean;
  canSuggest: boolean;
  mode: "editing" | "suggesting";
};

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
  need: "view" | "suggest" | "edit",
): Promise<DocumentAccess> {
  const document = await db.document.findUnique({
    where: { id: documentId },
    select: {
      id: true,
      groupId: true,
      title: true,
      mode: true,
      guestsMaySuggest: true,
      guests: { where: { userId }, select: { userId: true } },
    },
  });
  if (!document) throw new AppError("NOT_FOUND", NOT_VISIBLE);
  const standing = await getStanding(db, userId, document.groupId);
  if (!canViewDocument(standing, { isDocumentGuest: document.guests.length > 0 })) {
    throw new AppError("NOT_FOUND", NOT_VISIBLE);
  }
  const canEdit = canInGroup(standing, "document.edit");
  const canSuggest = canEdit || (document.guestsMaySuggest && document.guests.length > 0);
  if (need === "edit" && !canEdit) throw new AppError("FORBIDDEN", "You can read this document but not change it.");
  if (need === "suggest" && !canSuggest) throw new AppError("FORBIDDEN", "You can read this document but not suggest changes to it.");
  return { documentId: document.id, groupId: document.groupId, title: document.title, canEdit, canSuggest, mode: document.mode };
}
