import { createTRPCRouter, protectedProcedure } from "@/server/api/trpc";
import {
  zDecideByAuthorInput,
  zListSuggestionsInput,
  zReplySuggestionInput,
  zSuggestionDecision,
  zSuggestionIdInput,
  zSuggestionList,
  zSuggestionReplyRef,
} from "@/server/suggestions/schemas";
import { decideByAuthor, decideSuggestion, listSuggestions, replyToSuggestion } from "@/server/suggestions/service";

export const suggestionRouter = createTRPCRouter({
  list: protectedProcedure
    .input(zListSuggestionsInput)
    .output(zSuggestionList)
    .query(({ ctx, input }) => listSuggestions(ctx.db, ctx.userId, input.documentId)),
  accept: protectedProcedure
    .input(zSuggestionIdInput)
    .output(zSuggestionDecision)
    .mutation(({ ctx, input }) => decideSuggestion(ctx.db, ctx.publish, ctx.userId, input.id, true)),
  reject: protectedProcedure
    .input(zSuggestionIdInput)
    .output(zSuggestionDecision)
    .mutation(({ ctx, input }) => decideSuggestion(ctx.db, ctx.publish, ctx.userId, input.id, false)),
  decideByAuthor: protectedProcedure
    .input(zDecideByAuthorInput)
    .output(zSuggestionDecision)
    .mutation(({ ctx, input }) => decideByAuthor(ctx.db, ctx.publish, ctx.userId, input)),
  reply: protectedProcedure
    .input(zReplySuggestionInput)
    .output(zSuggestionReplyRef)
    .mutation(({ ctx, input }) => replyToSuggestion(ctx.db, ctx.publish, ctx.userId, input)),
});
