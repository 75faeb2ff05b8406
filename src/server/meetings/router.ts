import { z } from "zod";
import { createTRPCRouter, protectedProcedure } from "@/server/api/trpc";
import { getMeeting } from "@/server/meetings/detail";
import { listMeetings } from "@/server/meetings/list";
import {
  zCreateMeetingInput,
  zListMeetingsInput,
  zMeetingDetail,
  zMeetingIdInput,
  zMeetingList,
  zUpdateMeetingInput,
} from "@/server/meetings/schemas";
import { createMeeting, deleteMeeting, updateMeeting } from "@/server/meetings/write";

const zId = z.object({ id: z.string() });

export const meetingRouter = createTRPCRouter({
  create: protectedProcedure
    .input(zCreateMeetingInput)
    .output(zId)
    .mutation(({ ctx, input }) => createMeeting(ctx.db, ctx.publish, ctx.userId, input)),
  update: protectedProcedure
    .input(zUpdateMeetingInput)
    .output(zId)
    .mutation(({ ctx, input }) => updateMeeting(ctx.db, ctx.publish, ctx.userId, input)),
  delete: protectedProcedure
    .input(zMeetingIdInput)
    .output(zId)
    .mutation(({ ctx, input }) => deleteMeeting(ctx.db, ctx.publish, ctx.userId, input.id)),
  list: protectedProcedure
    .input(zListMeetingsInput)
    .output(zMeetingList)
    .query(({ ctx, input }) => listMeetings(ctx.db, ctx.userId, input)),
  byId: protectedProcedure
    .input(zMeetingIdInput)
    .output(zMeetingDetail)
    .query(({ ctx, input }) => getMeeting(ctx.db, ctx.userId, input.id)),
});
