import type { z } from "zod";
import type { Db } from "@/server/db";
import type { Publish } from "@/server/events";
import { assertOwnFiles } from "@/server/files/service";
import { requireInGroup } from "@/server/groups/standing";
import { cookAhead } from "@/server/markdown/cook";
import { assertLinkableMeeting, publishMeetingChange } from "@/server/meetings/access";
import { notifyNewThread } from "@/server/notifications/triggers";
import { syncTasksAfterWrite } from "@/server/tasks/sync";
import type { zCreateThreadInput } from "@/server/threads/schemas";

export async function createThread(
  db: Db,
  publish: Publish,
  userId: string,
  input: z.infer<typeof zCreateThreadInput>,
): Promise<{ id: string }> {
  const standing = await requireInGroup(db, userId, input.groupId, "thread.create");
  if (input.meetingId) await assertLinkableMeeting(db, standing, input.groupId, input.meetingId);
  const attachmentIds = input.attachmentIds ?? [];
  await assertOwnFiles(db, userId, attachmentIds);
  const thread = await db.thread.create({
    data: {
      groupId: input.groupId,
      authorId: userId,
      title: input.title,
      body: input.body,
      meetingId: input.meetingId ?? null,
      tags: { create: (input.tags ?? []).map((tag) => ({ tag })) },
      reads: { create: { userId, lastReadSeq: 0 } },
      // People hear about replies to what they start, as in Discourse; they can mute it on its page.
      follows: { create: { userId, following: true, automatic: true } },
      attachments: { create: attachmentIds.map((fileId) => ({ fileId })) },
    },
    select: { id: true },
  });
  cookAhead(input.body);
  await syncTasksAfterWrite(db, publish, { source: { kind: "thread", id: thread.id, groupId: input.groupId }, actorId: userId, before: null, after: input.body });
  publish({ name: "thread.activity", room: `group:${input.groupId}`, payload: { groupId: input.groupId, threadId: thread.id } });
  if (input.meetingId) publishMeetingChange(publish, { id: input.meetingId, groupId: input.groupId });
  await notifyNewThread(db, publish, {
    actorId: userId,
    groupId: input.groupId,
    threadId: thread.id,
    title: input.title,
    body: input.body,
  });
  return thread;
}
