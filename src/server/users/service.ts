import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import type { Me } from "@/server/users/schemas";
import { verifyPassword } from "@/server/users/password";

const meSelect = { id: true, name: true, email: true, isAdmin: true } as const;

export async function getMe(db: Db, userId: string): Promise<Me> {
  const user = await db.user.findUnique({ where: { id: userId }, select: meSelect });
  if (!user) throw new AppError("NOT_FOUND", "Your account no longer exists.");
  return user;
}

/** The identity next-auth keeps in its JWT, or null for any mismatch (never says which part). */
export async function verifyCredentials(
  db: Db,
  credentials: { email: string; password: string },
): Promise<{ id: string; name: string; email: string } | null> {
  const user = await db.user.findUnique({
    where: { email: credentials.email },
    select: { id: true, name: true, email: true, passwordHash: true },
  });
  const valid = await verifyPassword(credentials.password, user?.passwordHash ?? null);
  if (!user || !valid) return null;
  return { id: user.id, name: user.name, email: user.email };
}
