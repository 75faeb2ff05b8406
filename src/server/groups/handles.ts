import { HANDLE_MIN, firstFreeHandle, slugify } from "@/lib/slug";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";

export function handleTakenError(handle: string): AppError {
  return new AppError("CONFLICT", `The handle “${handle}” is already taken. Choose another.`);
}

/** Refuses a handle another group already has. */
export async function assertHandleFree(db: Db, handle: string): Promise<void> {
  const taken = await db.group.findUnique({ where: { handle }, select: { id: true } });
  if (taken) throw handleTakenError(handle);
}

/** A free handle made from the group's name, with a numeric suffix when the plain one is taken. */
export async function freeHandleFor(db: Db, name: string): Promise<string> {
  const slug = slugify(name);
  const base = slug.length >= HANDLE_MIN ? slug : "group";
  const similar = await db.group.findMany({ where: { handle: { startsWith: base } }, select: { handle: true } });
  return firstFreeHandle(base, new Set(similar.map((group) => group.handle)));
}
