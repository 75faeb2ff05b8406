import pino from "pino";

/** One structured logger for the server process; JSON lines, level from LOG_LEVEL. */
export const logger = pino({
  level: process.env.LOG_LEVEL ?? "info",
  base: { app: "hearth" },
  redact: ["password", "*.password", "passwordHash", "*.passwordHash", "req.headers.cookie"],
});
