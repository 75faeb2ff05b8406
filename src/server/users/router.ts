import { z } from "zod";
import { createTRPCRouter, protectedProcedure } from "@/server/api/trpc";
import { zMe } from "@/server/users/schemas";
import { getMe } from "@/server/users/service";

export const userRouter = createTRPCRouter({
  me: protectedProcedure
    .input(z.void())
    .output(zMe)
    .query(({ ctx }) => getMe(ctx.db, ctx.userId)),
});
