import { z } from "zod";

export const zRole = z.enum(["admin", "member", "guest"]);

export const zGroupSummary = z.object({
  id: z.string(),
  name: z.string(),
  handle: z.string(),
  description: z.string(),
  parentId: z.string().nullable(),
  role: zRole,
  memberCount: z.number().int(),
});
export type GroupSummary = z.infer<typeof zGroupSummary>;
