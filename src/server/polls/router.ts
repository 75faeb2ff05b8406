import { z } from "zod";
import { createTRPCRouter, protectedProcedure } from "@/server/api/trpc";
import { createPoll } from "@/server/polls/create";
import { addOption, getPoll, listPolls, listUndecided } from "@/server/polls/detail";
import { deletePoll, updatePoll } from "@/server/polls/edit";
import { closePoll, setClosingTime, setOutcome } from "@/server/polls/lifecycle";
import { getResults } from "@/server/polls/results";
import {
  zAddOptionInput,
  zCreatePollInput,
  zIdInput,
  zListPollsInput,
  zPerson,
  zPollDetail,
  zPollIdInput,
  zPollOption,
  zPollSummary,
  zReopenInput,
  zResults,
  zSaveTemplateInput,
  zSetOutcomeInput,
  zTemplate,
  zUpdatePollInput,
  zVoteInput,
  zVoteResult,
} from "@/server/polls/schemas";
import { listTemplates, saveTemplate } from "@/server/polls/template-service";
import { castVote } from "@/server/polls/vote";

const zId = z.object({ id: z.string() });

export const pollRouter = createTRPCRouter({
  create: protectedProcedure
    .input(zCreatePollInput)
    .output(zId)
    .mutation(({ ctx, input }) => createPoll(ctx.db, ctx.publish, ctx.userId, input)),
  byId: protectedProcedure
    .input(zIdInput)
    .output(zPollDetail)
    .query(({ ctx, input }) => getPoll(ctx.db, ctx.userId, input.id, ctx.memo)),
  list: protectedProcedure
    .input(zListPollsInput)
    .output(z.array(zPollSummary))
    .query(({ ctx, input }) => listPolls(ctx.db, ctx.userId, input)),
  vote: protectedProcedure
    .input(zVoteInput)
    .output(zVoteResult)
    .mutation(({ ctx, input }) => castVote(ctx.db, ctx.publish, ctx.userId, input)),
  results: protectedProcedure
    .input(zPollIdInput)
    .output(zResults)
    .query(({ ctx, input }) => getResults(ctx.db, ctx.userId, input.pollId, ctx.memo)),
  undecided: protectedProcedure
    .input(zPollIdInput)
    .output(z.array(zPerson))
    .query(({ ctx, input }) => listUndecided(ctx.db, ctx.userId, input.pollId, ctx.memo)),
  close: protectedProcedure
    .input(zIdInput)
    .output(zId)
    .mutation(({ ctx, input }) => closePoll(ctx.db, ctx.publish, ctx.userId, input.id)),
  reopen: protectedProcedure
    .input(zReopenInput)
    .output(zId)
    .mutation(({ ctx, input }) => setClosingTime(ctx.db, ctx.publish, ctx.userId, input.id, input.closingAt, true)),
  extend: protectedProcedure
    .input(zReopenInput)
    .output(zId)
    .mutation(({ ctx, input }) => setClosingTime(ctx.db, ctx.publish, ctx.userId, input.id, input.closingAt, false)),
  setOutcome: protectedProcedure
    .input(zSetOutcomeInput)
    .output(zId)
    .mutation(({ ctx, input }) => setOutcome(ctx.db, ctx.publish, ctx.userId, input)),
  addOption: protectedProcedure
    .input(zAddOptionInput)
    .output(zPollOption)
    .mutation(({ ctx, input }) => addOption(ctx.db, ctx.publish, ctx.userId, input.pollId, input.name)),
  update: protectedProcedure
    .input(zUpdatePollInput)
    .output(zId)
    .mutation(({ ctx, input }) => updatePoll(ctx.db, ctx.publish, ctx.userId, input)),
  delete: protectedProcedure
    .input(zPollIdInput)
    .output(zId)
    .mutation(({ ctx, input }) => deletePoll(ctx.db, ctx.publish, ctx.userId, input.pollId)),
  templates: protectedProcedure
    .input(z.object({ groupId: z.string().min(1) }))
    .output(z.array(zTemplate))
    .query(({ ctx, input }) => listTemplates(ctx.db, ctx.userId, input.groupId)),
  saveTemplate: protectedProcedure
    .input(zSaveTemplateInput)
    .output(z.object({ key: z.string() }))
    .mutation(({ ctx, input }) => saveTemplate(ctx.db, ctx.userId, input)),
});
