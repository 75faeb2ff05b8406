import { z } from "zod";
import { createTRPCRouter, protectedProcedure } from "@/server/api/trpc";
import {
  zListNotificationsInput,
  zMarkNotificationsReadInput,
  zMarkNotificationsReadResult,
  zNotificationPage,
  zUnreadCount,
} from "@/server/notifications/schemas";
import { countUnread, listNotifications, markNotificationsRead } from "@/server/notifications/service";

export const notificationRouter = createTRPCRouter({
  list: protectedProcedure
    .input(zListNotificationsInput)
    .output(zNotificationPage)
    .query(({ ctx, input }) => listNotifications(ctx.db, ctx.userId, input)),
  markRead: protectedProcedure
    .input(zMarkNotificationsReadInput)
    .output(zMarkNotificationsReadResult)
    .mutation(({ ctx, input }) => markNotificationsRead(ctx.db, ctx.userId, input)),
  unreadCount: protectedProcedure
    .input(z.void())
    .output(zUnreadCount)
    .query(({ ctx }) => countUnread(ctx.db, ctx.userId)),
});
