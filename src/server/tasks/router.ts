import { createTRPCRouter, protectedProcedure } from "@/server/api/trpc";
import { listTasks, myTasks } from "@/server/tasks/list";
import {
  zCompleteTaskInput,
  zCreateTaskInput,
  zListTasksInput,
  zMyTasks,
  zMyTasksInput,
  zTaskDto,
  zTaskList,
  zUpdateTaskInput,
} from "@/server/tasks/schemas";
import { completeTask, createTask, updateTask } from "@/server/tasks/write";

export const taskRouter = createTRPCRouter({
  create: protectedProcedure
    .input(zCreateTaskInput)
    .output(zTaskDto)
    .mutation(({ ctx, input }) => createTask(ctx.db, ctx.publish, ctx.userId, input)),
  update: protectedProcedure
    .input(zUpdateTaskInput)
    .output(zTaskDto)
    .mutation(({ ctx, input }) => updateTask(ctx.db, ctx.publish, ctx.userId, input)),
  complete: protectedProcedure
    .input(zCompleteTaskInput)
    .output(zTaskDto)
    .mutation(({ ctx, input }) => completeTask(ctx.db, ctx.publish, ctx.userId, input)),
  list: protectedProcedure
    .input(zListTasksInput)
    .output(zTaskList)
    .query(({ ctx, input }) => listTasks(ctx.db, ctx.userId, input)),
  mine: protectedProcedure
    .input(zMyTasksInput)
    .output(zMyTasks)
    .query(({ ctx, input }) => myTasks(ctx.db, ctx.userId, input)),
});
