import { createTRPCRouter, protectedProcedure } from "@/server/api/trpc";
import {
  zCreateDocCommentInput,
  zDocCommentRef,
  zDocCommentIdInput,
  zDocCommentPage,
  zDocCommentReply,
  zDocCommentThread,
  zListDocCommentsInput,
  zResolveDocCommentInput,
  zUpdateDocCommentInput,
} from "@/server/doc-comments/schemas";
import {
  createDocComment,
  deleteDocComment,
  listDocComments,
  resolveDocComment,
  updateDocComment,
} from "@/server/doc-comments/service";

export const docCommentRouter = createTRPCRouter({
  create: protectedProcedure
    .input(zCreateDocCommentInput)
    .output(zDocCommentRef)
    .mutation(({ ctx, input }) => createDocComment(ctx.db, ctx.publish, ctx.userId, input)),
  list: protectedProcedure
    .input(zListDocCommentsInput)
    .output(zDocCommentPage)
    .query(({ ctx, input }) => listDocComments(ctx.db, ctx.userId, input)),
  resolve: protectedProcedure
    .input(zResolveDocCommentInput)
    .output(zDocCommentThread)
    .mutation(({ ctx, input }) => resolveDocComment(ctx.db, ctx.publish, ctx.userId, input)),
  update: protectedProcedure
    .input(zUpdateDocCommentInput)
    .output(zDocCommentReply)
    .mutation(({ ctx, input }) => updateDocComment(ctx.db, ctx.publish, ctx.userId, input)),
  delete: protectedProcedure
    .input(zDocCommentIdInput)
    .output(zDocCommentRef)
    .mutation(({ ctx, input }) => deleteDocComment(ctx.db, ctx.publish, ctx.userId, input.id)),
});
