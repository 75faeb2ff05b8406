import type { z } from "zod";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import type { Publish } from "@/server/events";
import { canEditOwn } from "@/server/policy";
import { requireThreadAccess } from "@/server/threads/access";
import type { zUpdateThreadInput } from "@/server/threads/schemas";

/** Authors edit their thread; the previous title and body are kept as a revision. */
export async function updateThread(db: Db, publish: Publish, userId: string, input: z.infer<typeof zUpdateThreadInput>) {
  const { thread } = await requireThreadAccess(db, userId, input.id);
  if (!canEditOwn(userId, thread.authorId)) throw new AppError("FORBIDDEN", "Only the person who started a thread can edit it.");
  const current = await db.thread.findUniqueOrThrow({ where: { id: input.id }, select: { title: true, body: true } });
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
        ...(textChanged && { editedAt: new Date() }),
        ...(input.tags && { tags: { deleteMany: {}, create: input.tags.map((tag) => ({ tag })) } }),
      },
    }),
  ]);
  publishThreadChange(publish, thread.groupId, input.id);
  return { id: input.id };
}

export function publishThreadChange(publish: Publish, groupId: string, threadId: string): void {
  publish({ name: "thread.updated", room: `thread:${threadId}`, payload: { threadId } });
  publish({ name: "thread.activity", room: `group:${groupId}`, payload: { groupId, threadId } });
}
