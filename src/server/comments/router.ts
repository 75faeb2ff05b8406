import { createTRPCRouter, protectedProcedure } from "@/server/api/trpc";
import { createComment } from "@/server/comments/create";
import { deleteComment, listCommentRevisions, updateComment } from "@/server/comments/edit";
import { listComments } from "@/server/comments/list";
import {
  zCommentDto,
  zCommentIdInput,
  zCommentPage,
  zCreateCommentInput,
  zListCommentsInput,
  zUpdateCommentInput,
} from "@/server/comments/schemas";
import { zRevisionList } from "@/server/threads/schemas";

export const commentRouter = createTRPCRouter({
  create: protectedProcedure
    .input(zCreateCommentInput)
    .output(zCommentDto)
    .mutation(({ ctx, input }) => createComment(ctx.db, ctx.publish, ctx.userId, input)),
  list: protectedProcedure
    .input(zListCommentsInput)
    .output(zCommentPage)
    .query(({ ctx, input }) => listComments(ctx.db, ctx.userId, input, ctx.memo)),
  update: protectedProcedure
    .input(zUpdateCommentInput)
    .output(zCommentDto)
    .mutation(({ ctx, input }) => updateComment(ctx.db, ctx.publish, ctx.userId, input)),
  delete: protectedProcedure
    .input(zCommentIdInput)
    .output(zCommentDto)
    .mutation(({ ctx, input }) => deleteComment(ctx.db, ctx.publish, ctx.userId, input.id)),
  revisions: protectedProcedure
    .input(zCommentIdInput)
    .output(zRevisionList)
    .query(({ ctx, input }) => listCommentRevisions(ctx.db, ctx.userId, input.id)),
});

