import { z } from "zod";
import { createTRPCRouter, protectedProcedure } from "@/server/api/trpc";
import {
  zCreateRequestInput,
  zDecideRequestInput,
  zGroupIdInput,
  zListRequestsInput,
  zMyRequest,
  zRequestPage,
  zRequestStatus,
} from "@/server/membership-requests/schemas";
import { createRequest, decideRequest, listRequests, myLatestRequest } from "@/server/membership-requests/service";

const zDecision = z.object({ id: z.string(), status: zRequestStatus });

export const membershipRequestRouter = createTRPCRouter({
  create: protectedProcedure
    .input(zCreateRequestInput)
    .output(zMyRequest)
    .mutation(({ ctx, input }) => createRequest(ctx.db, ctx.publish, ctx.userId, input)),
  list: protectedProcedure
    .input(zListRequestsInput)
    .output(zRequestPage)
    .query(({ ctx, input }) => listRequests(ctx.db, ctx.userId, input)),
  mine: protectedProcedure
    .input(zGroupIdInput)
    .output(zMyRequest.nullable())
    .query(({ ctx, input }) => myLatestRequest(ctx.db, ctx.userId, input.groupId)),
  approve: protectedProcedure
    .input(zDecideRequestInput)
    .output(zDecision)
    .mutation(({ ctx, input }) => decideRequest(ctx.db, ctx.publish, ctx.userId, input, "approved")),
  decline: protectedProcedure
    .input(zDecideRequestInput)
    .output(zDecision)
    .mutation(({ ctx, input }) => decideRequest(ctx.db, ctx.publish, ctx.userId, input, "declined")),
});
