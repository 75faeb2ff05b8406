import { createCallerFactory, createTRPCRouter } from "@/server/api/trpc";
import { groupRouter } from "@/server/groups/router";
import { setupRouter } from "@/server/setup/router";
import { userRouter } from "@/server/users/router";

export const appRouter = createTRPCRouter({
  user: userRouter,
  group: groupRouter,
  setup: setupRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
