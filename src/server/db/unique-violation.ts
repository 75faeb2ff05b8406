import { Prisma } from "@/generated/prisma/client.ts";

/** A unique index refused the write: usually two requests raced to create the same thing. */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/** A row the query needed is gone (`findUniqueOrThrow`, `update`): another request deleted it meanwhile. */
export function isRecordGone(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2025";
}
