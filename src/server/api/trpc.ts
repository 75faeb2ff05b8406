import { initTRPC, TRPCError, type ProcedureType } from "@trpc/server";
import superjson from "superjson";
import { z, ZodError } from "zod";
import { checkSession } from "@/server/auth/session";
import type { Db } from "@/server/db";
import { isRecordGone } from "@/server/db/unique-violation";
import { AppError } from "@/server/errors";
import type { Publish } from "@/server/events";
import { logger } from "@/server/logger";
import { PROCEDURE_LIMITS, rateLimiter, tryAgainIn } from "@/server/rate-limit";
import { serializeAnswer } from "@/server/api/answer-serializer";
import { remember, type RequestMemo } from "@/server/api/request-memo";
import { getMetrics } from "@/server/observability/metrics";

/** Who is calling, read from the next-auth session cookie before any procedure runs. */
export type Context = {
  db: Db;
  /** As the session token says; the procedure builders check it against the account before use. */
  userId: string | null;
  /**
   * The credential version the session token was made under (auth/session.ts). Callers made
   * without a token (tests, server code) leave it out and count as 0, the version of an account
   * whose password never changed.
   */
  credentialVersion?: number;
  publish: Publish;
  /** Lookups this request has made already (see RequestMemo); callers made without one share nothing. */
  memo?: RequestMemo;
};

const FRIENDLY_INTERNAL_MESSAGE = "Something went wrong on our side. Please try again.";

/** Formats zod issues as "field: message" lines so a form can show them as they are. */
export function describeZodError(error: ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length ? `${issue.path.join(".")}: ${issue.message}` : issue.message))
    .join("\n");
}

const t = initTRPC.context<Context>().create({
  // The client speaks superjson both ways; answers are encoded by a faster walk that falls back
  // to superjson and sends the same JSON (answer-serializer.ts).
  transformer: { input: superjson, output: { serialize: serializeAnswer, deserialize: superjson.deserialize } },
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

export const RECORD_GONE = "That was deleted while you were working on it. Reload the page to see what is there now.";

/** Services speak AppError; this is the one place that turns it into a TRPCError. */
const mapDomainErrors = t.middleware(async ({ next, path }) => {
  const result = await next();
  if (!result.ok) {
    const cause = result.error.cause;
    if (cause instanceof AppError) {
      throw new TRPCError({ code: cause.code, message: cause.message, cause });
    }
    // Checked, then deleted by someone else before this request read or wrote it: a race, not a fault.
    if (isRecordGone(cause)) {
      throw new TRPCError({ code: "NOT_FOUND", message: RECORD_GONE, cause });
    }
    if (result.error.code === "INTERNAL_SERVER_ERROR") {
      logger.error({ err: result.error.cause ?? result.error, path }, "procedure failed");
    }
  }
  return result;
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Counts and times every call, by procedure and outcome, for GET /api/metrics. */
const measureCalls = t.middleware(async ({ next, path }) => {
  const { procedureCalls, procedureSeconds } = getMetrics();
  const stopTimer = procedureSeconds.startTimer({ procedure: path });
  const result = await next();
  stopTimer();
  procedureCalls.inc({ procedure: path, outcome: result.ok ? "ok" : result.error.code });
  return result;
});

const baseProcedure = t.procedure.use(measureCalls).use(mapDomainErrors);

/** The session check, once per request for queries (a mutation may end the session it runs in). */
const session = (ctx: Context, userId: string, type: ProcedureType) => {
  const credentialVersion = ctx.credentialVersion ?? 0;
  const check = () => checkSession(ctx.db, { userId, credentialVersion });
  return type === "query" ? remember(ctx.memo, sessionMemoKey(userId, credentialVersion), check) : check();
};

/** The memo key of a session check; pages put the check their render made under it (context.ts). */
export const sessionMemoKey = (userId: string, credentialVersion: number) => `session:${userId}:${credentialVersion}`;

/**
 * Anyone may call these. A session that has ended (account deleted, password changed, signed
 * out everywhere) counts as signed out, so ctx.userId is only ever a current session's.
 */
export const publicProcedure = baseProcedure.use(async ({ ctx, next, type }) => {
  if (!ctx.userId) return next();
  const check = await session(ctx, ctx.userId, type);
  return next({ ctx: { ...ctx, userId: check.ok ? check.user.id : null } });
});

/**
 * Per person and procedure (PROCEDURE_LIMITS), answering TOO_MANY_REQUESTS with a sentence
 * saying when to try again. Shared by every instance when there are several (see rate-limit.ts).
 */
async function checkProcedureLimit(path: string, userId: string): Promise<void> {
  const limit = PROCEDURE_LIMITS[path];
  if (!limit) return;
  const allowance = await rateLimiter(`procedure:${path}`, limit).take(userId);
  if (!allowance.ok) {
    throw new TRPCError({
      code: "TOO_MANY_REQUESTS",
      message: `That is a lot of ${limit.what} in a short time. ${tryAgainIn(allowance.retryAfterMs)}`,
    });
  }
}

/**
 * Narrows ctx.userId to a string, and refuses ended sessions with UNAUTHORIZED and a message
 * saying why. One read of the user by primary key per procedure, as before credential versions.
 */
export const protectedProcedure = baseProcedure.use(async ({ ctx, next, path, type }) => {
  if (!ctx.userId) throw new TRPCError({ code: "UNAUTHORIZED", message: "Please sign in first." });
  const check = await session(ctx, ctx.userId, type);
  if (!check.ok) throw new TRPCError({ code: "UNAUTHORIZED", message: check.message });
  await checkProcedureLimit(path, check.user.id);
  return next({ ctx: { ...ctx, userId: check.user.id, isAdmin: check.user.isAdmin } });
});
