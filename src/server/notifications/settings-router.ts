import { z } from "zod";
import { createTRPCRouter, protectedProcedure } from "@/server/api/trpc";
import {
  zNotificationSettings,
  zResetNotificationSettingInput,
  zUpdateNotificationSettingInput,
} from "@/server/notifications/schemas";
import { getNotificationSettings, resetNotificationSetting, updateNotificationSetting } from "@/server/notifications/settings";

export const notificationSettingsRouter = createTRPCRouter({
  get: protectedProcedure
    .input(z.void())
    .output(zNotificationSettings)
    .query(({ ctx }) => getNotificationSettings(ctx.db, ctx.userId)),
  update: protectedProcedure
    .input(zUpdateNotificationSettingInput)
    .output(zNotificationSettings)
    .mutation(({ ctx, input }) => updateNotificationSetting(ctx.db, ctx.userId, input)),
  reset: protectedProcedure
    .input(zResetNotificationSettingInput)
    .output(zNotificationSettings)
    .mutation(({ ctx, input }) => resetNotificationSetting(ctx.db, ctx.userId, input)),
});
