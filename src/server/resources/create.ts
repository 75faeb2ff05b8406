import type { Db } from "@/server/db";
import type { Publish } from "@/server/events";
import { assertOwnFiles } from "@/server/files/service";
import { requireInGroup } from "@/server/groups/standing";
import { cookAhead } from "@/server/markdown/cook";
import { canInGroup } from "@/server/policy";
import { assertFolderInGroup, assertMeetingInGroup } from "@/server/resources/access";
import { publishResourceChange } from "@/server/resources/events";
import type { CreateResourceInput } from "@/server/resources/schemas";
import { notifyResourcePublished } from "@/server/resources/triggers";

/**
 * Adds a file (as its version 1) or a link to a group's library. Admins publish at once unless
 * they ask for a draft; what members add (where the group lets them) waits as a draft, seen by
 * them and the admins, until an admin publishes it. Publishing notifies the group.
 */
export async function createResource(db: Db, publish: Publish, userId: string, input: CreateResourceInput) {
  const standing = await requireInGroup(db, userId, input.groupId, "resource.create");
  await Promise.all([
    assertFolderInGroup(db, input.groupId, input.folderId),
    assertMeetingInGroup(db, input.groupId, input.meetingId),
    input.kind === "file" ? assertOwnFiles(db, userId, [input.fileId!]) : null,
  ]);
  const draft = input.draft === true || !canInGroup(standing, "resource.manage");
  const now = new Date();
  const resource = await db.resource.create({
    data: {
      groupId: input.groupId,
      kind: input.kind,
      title: input.title,
      description: input.description ?? "",
      url: input.kind === "link" ? input.url! : null,
      folderId: input.folderId ?? null,
      meetingId: input.meetingId ?? null,
      authorId: userId,
      publishedAt: draft ? null : now,
      publishedById: draft ? null : userId,
      latestVersion: input.kind === "file" ? 1 : 0,
      tags: { create: (input.tags ?? []).map((name) => ({ name })) },
      versions: input.kind === "file" ? { create: { number: 1, fileId: input.fileId!, uploadedById: userId } } : undefined,
    },
    select: { id: true },
  });
  cookAhead(input.description);
  publishResourceChange(publish, { id: resource.id, groupId: input.groupId }, [input.meetingId]);
  if (!draft) {
    await notifyResourcePublished(db, publish, { actorId: userId, groupId: input.groupId, resourceId: resource.id, title: input.title });
  }
  return { id: resource.id, draft };
}
