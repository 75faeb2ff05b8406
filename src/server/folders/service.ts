import { recordAudit } from "@/server/audit/record";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import type { Publish } from "@/server/events";
import type { CreateFolderInput, FolderDto } from "@/server/folders/schemas";
import { requireInGroup } from "@/server/groups/standing";
import { visibleResourcesWhere } from "@/server/resources/access";

const FOLDER_NOT_FOUND = "That folder does not exist, or you cannot see it.";

/** Open libraries of the group refetch their folders; ids only, to the group's room. */
function publishFolderChange(publish: Publish, folder: { id: string; groupId: string }): void {
  publish({ name: "folder.changed", room: `group:${folder.groupId}`, payload: { groupId: folder.groupId, folderId: folder.id } });
}

/** Every folder of the group's library, by name; the page builds the tree and the breadcrumb from parentId. */
export async function listFolders(db: Db, userId: string, groupId: string): Promise<FolderDto[]> {
  const standing = await requireInGroup(db, userId, groupId, "resource.view");
  const folders = await db.folder.findMany({
    where: { groupId },
    select: {
      id: true,
      name: true,
      parentId: true,
      _count: { select: { resources: { where: visibleResourcesWhere(standing, userId) } } },
    },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
  return folders.map(({ _count, ...folder }) => ({ ...folder, resourceCount: _count.resources }));
}

/** Folder names are unique among their siblings, ignoring case, so the breadcrumb is never ambiguous. */
async function assertNameFree(db: Db, groupId: string, parentId: string | null, name: string, exceptId?: string) {
  const siblings = await db.folder.findMany({ where: { groupId, parentId }, select: { id: true, name: true } });
  const taken = siblings.some((folder) => folder.id !== exceptId && folder.name.toLocaleLowerCase() === name.toLocaleLowerCase());
  if (taken) throw new AppError("CONFLICT", `There is already a folder called “${name}” here. Choose another name.`);
}

export async function createFolder(db: Db, publish: Publish, userId: string, input: CreateFolderInput): Promise<FolderDto> {
  await requireInGroup(db, userId, input.groupId, "resource.manage");
  const parentId = input.parentId ?? null;
  if (parentId) {
    const parent = await db.folder.findFirst({ where: { id: parentId, groupId: input.groupId }, select: { id: true } });
    if (!parent) throw new AppError("BAD_REQUEST", "That folder is not in this group's library. Choose another folder.");
  }
  await assertNameFree(db, input.groupId, parentId, input.name);
  const folder = await db.folder.create({
    data: { groupId: input.groupId, parentId, name: input.name, createdById: userId },
    select: { id: true, name: true, parentId: true },
  });
  publishFolderChange(publish, { id: folder.id, groupId: input.groupId });
  return { ...folder, resourceCount: 0 };
}

async function loadManagedFolder(db: Db, userId: string, id: string) {
  const folder = await db.folder.findUnique({ where: { id }, select: { id: true, groupId: true, parentId: true, name: true } });
  if (!folder) throw new AppError("NOT_FOUND", FOLDER_NOT_FOUND);
  await requireInGroup(db, userId, folder.groupId, "resource.manage");
  return folder;
}

export async function renameFolder(db: Db, publish: Publish, userId: string, id: string, name: string) {
  const folder = await loadManagedFolder(db, userId, id);
  await assertNameFree(db, folder.groupId, folder.parentId, name, folder.id);
  await db.folder.update({ where: { id }, data: { name }, select: { id: true } });
  publishFolderChange(publish, folder);
  return { id, name, parentId: folder.parentId };
}

/**
 * Deletes an empty folder. A folder that still holds resources (drafts included) or folders is
 * refused, saying what is in it: nothing disappears, or moves somewhere unexpected, by accident.
 */
export async function deleteFolder(db: Db, publish: Publish, userId: string, id: string) {
  const folder = await loadManagedFolder(db, userId, id);
  const { _count } = await db.folder.findUniqueOrThrow({
    where: { id },
    select: { _count: { select: { resources: true, subfolders: true } } },
  });
  if (_count.resources > 0 || _count.subfolders > 0) {
    const parts = [
      _count.resources > 0 ? `${_count.resources} ${_count.resources === 1 ? "resource" : "resources"}` : null,
      _count.subfolders > 0 ? `${_count.subfolders} ${_count.subfolders === 1 ? "folder" : "folders"}` : null,
    ].filter(Boolean);
    throw new AppError("CONFLICT", `“${folder.name}” still holds ${parts.join(" and ")}. Move or delete them first, then delete the folder.`);
  }
  await db.$transaction([
    db.folder.delete({ where: { id }, select: { id: true } }),
    recordAudit(db, { groupId: folder.groupId, actorId: userId, action: "folder.deleted", subject: { type: "folder", id, label: folder.name } }),
  ]);
  publishFolderChange(publish, folder);
  return { id, parentId: folder.parentId };
}
