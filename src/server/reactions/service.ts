import type { z } from "zod";
import type { zToggleReactionInput } from "@/server/comments/schemas";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import type { Publish } from "@/server/events";
import { requireThreadAccess } from "@/server/threads/access";
import { reactionsTo } from "@/server/threads/dto";

async function threadIdOf(db: Db, subject: "thread" | "comment", id: string): Promise<string> {
  if (subject === "thread") return id;
  const comment = await db.comment.findUnique({ where: { id }, select: { threadId: true, deletedAt: true } });
  if (!comment) throw new AppError("NOT_FOUND", "That comment does not exist, or you cannot see it.");
  if (comment.deletedAt) throw new AppError("BAD_REQUEST", "That comment was deleted.");
  return comment.threadId;
}

/** Adds the caller's emoji, or takes it away when it is already there. */
export async function toggleReaction(db: Db, publish: Publish, userId: string, input: z.infer<typeof zToggleReactionInput>) {
  const threadId = await threadIdOf(db, input.subject, input.id);
  await requireThreadAccess(db, userId, threadId);
  const key = { subject: input.subject, subjectId: input.id, userId, emoji: input.emoji };
  const removed = await db.reaction.deleteMany({ where: key });
  if (removed.count === 0) await db.reaction.create({ data: key });
  const reactions = await reactionsTo(db, input.subject, input.id);
  publish({ name: "reaction.changed", room: `thread:${threadId}`, payload: { threadId, subject: input.subject, subjectId: input.id, reactions } });
  return { reactions };
}
