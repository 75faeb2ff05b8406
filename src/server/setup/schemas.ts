import { z } from "zod";
import { zEmail, zNewPassword, zPersonName } from "@/server/users/schemas";

export const zCreateAdminInput = z.object({
  name: zPersonName,
  email: zEmail,
  password: zNewPassword,
});
export type CreateAdminInput = z.infer<typeof zCreateAdminInput>;

export const zSetupStatus = z.object({ needsAdmin: z.boolean() });
