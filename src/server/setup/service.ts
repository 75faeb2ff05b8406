import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { canOnSite } from "@/server/policy";
import type { CreateAdminInput } from "@/server/setup/schemas";
import { hashPassword } from "@/server/users/password";

export async function needsFirstAdmin(db: Db): Promise<boolean> {
  return canOnSite(null, "site.setup", { userCount: await db.user.count() });
}

/**
 * Creates the instance administrator on a fresh instance. The count and the insert share one
 * transaction so two people racing through the set-up page cannot both become administrator.
 */
export async function createFirstAdmin(db: Db, input: CreateAdminInput): Promise<{ id: string }> {
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    const userCount = await tx.user.count();
    if (!canOnSite(null, "site.setup", { userCount })) {
      throw new AppError("FORBIDDEN", "Hearth is already set up. Ask an administrator for an invitation.");
    }
    return tx.user.create({
      data: { name: input.name, email: input.email, passwordHash, isAdmin: true },
      select: { id: true },
    });
  });
}
