import pino from "pino";
import { requestContextStore } from "@/server/observability/request-context";

/**
 * One structured logger for the server process; JSON lines, level from LOG_LEVEL. A line
 * written while serving an HTTP request carries that request's id (reqId).
 */
/** The fields every log line gets from the request it serves, if any. */
export function requestLogFields(): { reqId?: string } {
  const context = requestContextStore().getStore();
  return context ? { reqId: context.requestId } : {};
}

export const logger = pino({
  level: process.env.LOG_LEVEL ?? "info",
  base: { app: "hearth" },
  redact: ["password", "*.password", "passwordHash", "*.passwordHash", "req.headers.cookie"],
  mixin: requestLogFields,
});
