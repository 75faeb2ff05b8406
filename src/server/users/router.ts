import { z } from "zod";
import { createTRPCRouter, protectedProcedure } from "@/server/api/trpc";
import { zChangePasswordInput, zMe, zOk, zUpdateProfileInput } from "@/server/users/schemas";
import { changePassword, getMe, signOutEverywhere, updateProfile } from "@/server/users/service";

export const userRouter = createTRPCRouter({
  me: protectedProcedure
    .input(z.void())
    .output(zMe)
    .query(({ ctx }) => getMe(ctx.db, ctx.userId)),
  updateProfile: protectedProcedure
    .input(zUpdateProfileInput)
    .output(zMe)
    .mutation(({ ctx, input }) => updateProfile(ctx.db, ctx.userId, input)),
  changePassword: protectedProcedure
    .input(zChangePasswordInput)
    .output(zOk)
    .mutation(({ ctx, input }) => changePassword(ctx.db, ctx.publish, ctx.userId, input)),
  signOutEverywhere: protectedProcedure
    .input(z.void())
    .output(zOk)
    .mutation(({ ctx }) => signOutEverywhere(ctx.db, ctx.publish, ctx.userId)),
});
