import { recordAudit } from "@/server/audit/record";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import type { Publish } from "@/server/events";
import { deleteStoredFilesIfUnused } from "@/server/files/cleanup";
import { assertOwnFiles } from "@/server/files/service";
import { cookAhead } from "@/server/markdown/cook";
import { canInGroup } from "@/server/policy";
import { assertFolderInGroup, assertMeetingInGroup, loadChangeableResource, loadVisibleResource } from "@/server/resources/access";
import { publishResourceChange } from "@/server/resources/events";
import type { AddVersionInput, UpdateResourceInput } from "@/server/resources/schemas";
import { notifyResourcePublished } from "@/server/resources/triggers";

/**
 * Title, description, tags, web address (links), folder and meeting: only what is given changes.
 * The meeting it leaves and the one it joins both refresh.
 */
export async function updateResource(db: Db, publish: Publish, userId: string, input: UpdateResourceInput) {
  const { resource } = await loadChangeableResource(db, userId, input.id);
  if (input.url !== undefined && resource.kind !== "link") {
    throw new AppError("BAD_REQUEST", "Only links have a web address; upload a new version to change a file.");
  }
  await Promise.all([
    assertFolderInGroup(db, resource.groupId, input.folderId),
    assertMeetingInGroup(db, resource.groupId, input.meetingId),
  ]);
  await db.$transaction(async (tx) => {
    await tx.resource.update({
      where: { id: resource.id },
      data: {
        title: input.title,
        description: input.description,
        url: input.url,
        folderId: input.folderId,
        meetingId: input.meetingId,
      },
      select: { id: true },
    });
    if (input.tags) {
      await tx.resourceTag.deleteMany({ where: { resourceId: resource.id } });
      await tx.resourceTag.createMany({ data: input.tags.map((name) => ({ resourceId: resource.id, name })) });
    }
  });
  cookAhead(input.description);
  publishResourceChange(publish, resource, [resource.meetingId, input.meetingId]);
  return { id: resource.id, draft: resource.publishedAt === null };
}

/** A new version of a file; the earlier ones stay, numbered, and downloadable. */
export async function addResourceVersion(db: Db, publish: Publish, userId: string, input: AddVersionInput) {
  const { resource } = await loadChangeableResource(db, userId, input.id);
  if (resource.kind !== "file") throw new AppError("BAD_REQUEST", "A link has no versions; edit its web address instead.");
  await assertOwnFiles(db, userId, [input.fileId]);
  const number = await db.$transaction(async (tx) => {
    // The increment takes SQLite's write lock first, so two uploads at once get different numbers.
    const { latestVersion } = await tx.resource.update({
      where: { id: resource.id },
      data: { latestVersion: { increment: 1 } },
      select: { latestVersion: true },
    });
    await tx.resourceVersion.create({
      data: { resourceId: resource.id, number: latestVersion, fileId: input.fileId, uploadedById: userId, note: input.note ?? "" },
      select: { id: true },
    });
    return latestVersion;
  });
  publishResourceChange(publish, resource, [resource.meetingId]);
  return { id: resource.id, number };
}

/** Publishes a draft and tells the group. */
export async function publishResource(db: Db, publish: Publish, userId: string, id: string) {
  const { resource, standing } = await loadVisibleResource(db, userId, id);
  if (!canInGroup(standing, "resource.manage")) throw new AppError("FORBIDDEN", "Only the group's admins can publish resources.");
  const { count } = await db.resource.updateMany({
    where: { id, publishedAt: null },
    data: { publishedAt: new Date(), publishedById: userId },
  });
  if (count === 0) throw new AppError("CONFLICT", "That resource is already published.");
  publishResourceChange(publish, resource, [resource.meetingId]);
  await notifyResourcePublished(db, publish, { actorId: userId, groupId: resource.groupId, resourceId: id, title: resource.title });
  return { id, draft: false };
}

/**
 * Removes a resource with its versions and tags, then each stored file that nothing else uses
 * (another resource or a thread may share it), after the transaction has committed.
 */
export async function deleteResource(db: Db, publish: Publish, userId: string, id: string) {
  const { resource } = await loadChangeableResource(db, userId, id);
  const fileIds = await db.$transaction(async (tx) => {
    const versions = await tx.resourceVersion.findMany({ where: { resourceId: id }, select: { fileId: true } });
    await tx.resource.delete({ where: { id }, select: { id: true } });
    await recordAudit(tx, { groupId: resource.groupId, actorId: userId, action: "resource.deleted", subject: { type: "resource", id, label: resource.title } });
    return [...new Set(versions.map(({ fileId }) => fileId))];
  });
  publishResourceChange(publish, resource, [resource.meetingId]);
  await deleteStoredFilesIfUnused(db, fileIds);
  return { id: resource.id };
}
