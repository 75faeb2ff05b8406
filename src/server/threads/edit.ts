import type { z } from "zod";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import type { Publish } from "@/server/events";
import { cookAhead } from "@/server/markdown/cook";
import { assertLinkableMeeting, publishMeetingChange } from "@/server/meetings/access";
import { canEditOwn } from "@/server/policy";
import { syncTasksAfterWrite } from "@/server/tasks/sync";
import { requireThreadAccess } from "@/server/threads/access";
import type { zUpdateThreadInput } from "@/server/threads/schemas";

/** Authors edit their thread; the previous title and body are kept as a revision. */
export async function updateThread(db: Db, publish: Publish, userId: string, input: z.infer<typeof zUpdateThreadInput>) {
  const { thread, standing } = await requireThreadAccess(db, userId, input.id);
  if (!canEditOwn(userId, thread.authorId)) throw new AppError("FORBIDDEN", "Only the person who started a thread can edit it.");
  if (input.meetingId) await assertLinkableMeeting(db, standing, thread.groupId, input.meetingId);
  const current = await db.thread.findUniqueOrThrow({ where: { id: input.id }, select: { title: true, body: true, meetingId: true } });
  const textChanged =
    (input.title !== undefined && input.title !== current.title) || (input.body !== undefined && input.body !== current.body);
  await db.$transaction([
    ...(textChanged
      ? [db.threadRevision.create({ data: { threadId: input.id, title: current.title, body: current.body, editedById: userId } })]
      : []),
    db.thread.update({
      where: { id: input.id },
      data: {
        title: input.title,
        body: input.body,
        meetingId: input.meetingId,
        ...(textChanged && { editedAt: new Date() }),
        ...(input.tags && { tags: { deleteMany: {}, create: input.tags.map((tag) => ({ tag })) } }),
      },
    }),
  ]);
  cookAhead(input.body);
  if (input.body !== undefined && input.body !== current.body) {
    await syncTasksAfterWrite(db, publish, { source: { kind: "thread", id: input.id, groupId: thread.groupId }, actorId: userId, before: current.body, after: input.body });
  }
  publishThreadChange(publish, thread.groupId, input.id);
  if (input.meetingId !== undefined && input.meetingId !== current.meetingId) {
    for (const id of [current.meetingId, input.meetingId]) if (id) publishMeetingChange(publish, { id, groupId: thread.groupId });
  }
  return { id: input.id };
}

export function publishThreadChange(publish: Publish, groupId: string, threadId: string): void {
  publish({ name: "thread.updated", room: `thread:${threadId}`, payload: { threadId } });
  publish({ name: "thread.activity", room: `group:${groupId}`, payload: { groupId, threadId } });
}
