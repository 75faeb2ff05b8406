import { createTRPCRouter, protectedProcedure } from "@/server/api/trpc";
import { listAudit } from "@/server/audit/list";
import { zAuditListInput, zAuditPage } from "@/server/audit/schemas";

export const auditRouter = createTRPCRouter({
  list: protectedProcedure
    .input(zAuditListInput)
    .output(zAuditPage)
    .query(({ ctx, input }) => listAudit(ctx.db, ctx.userId, input)),
});
