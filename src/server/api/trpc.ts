import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { z, ZodError } from "zod";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import type { Publish } from "@/server/events";
import { logger } from "@/server/logger";

/** Who is calling, resolved from the next-auth session before any procedure runs. */
export type Context = {
  db: Db;
  userId: string | null;
  publish: Publish;
};

const FRIENDLY_INTERNAL_MESSAGE = "Something went wrong on our side. Please try again.";

/** Formats zod issues as "field: message" lines so a form can show them as they are. */
export function describeZodError(error: ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length ? `${issue.path.join(".")}: ${issue.message}` : issue.message))
    .join("\n");
}

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  isDev: false,
  errorFormatter({ shape, error }) {
    const zodError = error.cause instanceof ZodError ? error.cause : null;
    const { stack: _stack, ...data } = shape.data;
    return {
      ...shape,
      message: zodError
        ? describeZodError(zodError)
        : error.code === "INTERNAL_SERVER_ERROR"
          ? FRIENDLY_INTERNAL_MESSAGE
          : shape.message,
      data: { ...data, fieldErrors: zodError ? z.flattenError(zodError).fieldErrors : null },
    };
  },
});

/** Services speak AppError; this is the one place that turns it into a TRPCError. */
const mapDomainErrors = t.middleware(async ({ next, path }) => {
  const result = await next();
  if (!result.ok) {
    const cause = result.error.cause;
    if (cause instanceof AppError) {
      throw new TRPCError({ code: cause.code, message: cause.message, cause });
    }
    if (result.error.code === "INTERNAL_SERVER_ERROR") {
      logger.error({ err: result.error.cause ?? result.error, path }, "procedure failed");
    }
  }
  return result;
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

export const publicProcedure = t.procedure.use(mapDomainErrors);

/** Narrows ctx.userId to a string, and refuses tokens of accounts that no longer exist. */
export const protectedProcedure = publicProcedure.use(async ({ ctx, next }) => {
  const userId = ctx.userId;
  if (!userId) throw new TRPCError({ code: "UNAUTHORIZED", message: "Please sign in first." });
  const user = await ctx.db.user.findUnique({ where: { id: userId }, select: { id: true, isAdmin: true } });
  if (!user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Your account no longer exists. Please sign in again." });
  return next({ ctx: { ...ctx, userId: user.id, isAdmin: user.isAdmin } });
});
