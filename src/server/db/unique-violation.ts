import { Prisma } from "@/generated/prisma/client.ts";

/** A unique index refused the write: usually two requests raced to create the same thing. */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}
