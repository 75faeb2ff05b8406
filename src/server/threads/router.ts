import { z } from "zod";
import { createTRPCRouter, protectedProcedure } from "@/server/api/trpc";
import { createThread } from "@/server/threads/create";
import { deleteThread } from "@/server/threads/delete";
import { followThread } from "@/server/threads/follow";
import { getThread, listThreadRevisions, markAllThreadsRead, markThreadRead } from "@/server/threads/detail";
import { updateThread } from "@/server/threads/edit";
import { listThreads } from "@/server/threads/list";
import { listMentionable } from "@/server/threads/mentionable";
import { moveThread, pinThread, setThreadClosed } from "@/server/threads/moderate";
import { getSeenBy } from "@/server/threads/seen-by";
import {
  zCreateThreadInput,
  zDeleteThreadInput,
  zFollowThreadInput,
  zListThreadsInput,
  zMentionableInput,
  zMarkAllReadInput,
  zMoveThreadInput,
  zPinThreadInput,
  zRevisionList,
  zSeenBy,
  zSeenByInput,
  zThreadDetail,
  zThreadIdInput,
  zThreadList,
  zUpdateThreadInput,
} from "@/server/threads/schemas";

const zId = z.object({ id: z.string() });

export const threadRouter = createTRPCRouter({
  create: protectedProcedure
    .input(zCreateThreadInput)
    .output(zId)
    .mutation(({ ctx, input }) => createThread(ctx.db, ctx.publish, ctx.userId, input)),
  list: protectedProcedure
    .input(zListThreadsInput)
    .output(zThreadList)
    .query(({ ctx, input }) => listThreads(ctx.db, ctx.userId, input)),
  byId: protectedProcedure
    .input(zThreadIdInput)
    .output(zThreadDetail)
    .query(({ ctx, input }) => getThread(ctx.db, ctx.userId, input.id, ctx.memo)),
  revisions: protectedProcedure
    .input(zThreadIdInput)
    .output(zRevisionList)
    .query(({ ctx, input }) => listThreadRevisions(ctx.db, ctx.userId, input.id)),
  update: protectedProcedure
    .input(zUpdateThreadInput)
    .output(zId)
    .mutation(({ ctx, input }) => updateThread(ctx.db, ctx.publish, ctx.userId, input)),
  pin: protectedProcedure
    .input(zPinThreadInput)
    .output(zId)
    .mutation(({ ctx, input }) => pinThread(ctx.db, ctx.publish, ctx.userId, input.id, input.pinned)),
  close: protectedProcedure
    .input(zThreadIdInput)
    .output(zId)
    .mutation(({ ctx, input }) => setThreadClosed(ctx.db, ctx.publish, ctx.userId, input.id, true)),
  reopen: protectedProcedure
    .input(zThreadIdInput)
    .output(zId)
    .mutation(({ ctx, input }) => setThreadClosed(ctx.db, ctx.publish, ctx.userId, input.id, false)),
  move: protectedProcedure
    .input(zMoveThreadInput)
    .output(zId)
    .mutation(({ ctx, input }) => moveThread(ctx.db, ctx.publish, ctx.userId, input.id, input.groupId)),
  delete: protectedProcedure
    .input(zDeleteThreadInput)
    .output(zId)
    .mutation(({ ctx, input }) => deleteThread(ctx.db, ctx.publish, ctx.userId, input.threadId)),
  mentionable: protectedProcedure
    .input(zMentionableInput)
    .output(z.array(z.object({ id: z.string(), name: z.string() })))
    .query(({ ctx, input }) => listMentionable(ctx.db, ctx.userId, input)),
  markRead: protectedProcedure
    .input(zThreadIdInput)
    .output(z.object({ lastReadSeq: z.number().int() }))
    .mutation(({ ctx, input }) => markThreadRead(ctx.db, ctx.publish, ctx.userId, input.id)),
  markAllRead: protectedProcedure
    .input(zMarkAllReadInput)
    .output(z.object({ count: z.number().int() }))
    .mutation(({ ctx, input }) => markAllThreadsRead(ctx.db, ctx.publish, ctx.userId, input.groupId)),
  seenBy: protectedProcedure
    .input(zSeenByInput)
    .output(zSeenBy)
    .query(({ ctx, input }) => getSeenBy(ctx.db, ctx.userId, input.threadId)),
  follow: protectedProcedure
    .input(zFollowThreadInput)
    .output(z.object({ following: z.boolean() }))
    .mutation(({ ctx, input }) => followThread(ctx.db, ctx.userId, input.id, input.following)),
});
