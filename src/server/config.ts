import { chmodSync, existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { z } from "zod";
import { makePrivateDir, PRIVATE_DIR_MODE, PRIVATE_FILE_MODE, tightenFile } from "@/server/private-files";

const zFlag = z
  .enum(["0", "1", "false", "true", "no", "yes"])
  .transform((value) => value === "1" || value === "true" || value === "yes");

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

const zEnv = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("localhost"),
  HEARTH_DATA_DIR: z.string().min(1).default("./data"),
  DATABASE_URL: z
    .string()
    .regex(/^(file:|postgres(ql)?:\/\/)/, "must start with file: (SQLite) or postgresql://")
    .optional(),
  NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  NEXTAUTH_URL: z.url().optional(),
  HEARTH_ADMIN_EMAIL: z.email().optional(),
  HEARTH_ADMIN_PASSWORD: z.string().min(10, "must be at least 10 characters").optional(),
  HEARTH_ADMIN_NAME: z.string().min(1).default("Administrator"),
  HEARTH_DEMO: zFlag.default(true),
  SMTP_URL: z.string().regex(/^smtps?:\/\//, "must start with smtp:// or smtps://").optional(),
  MAIL_FROM: z.string().min(3).default("Hearth <hearth@localhost>"),
  DIGEST_HOUR: z.coerce.number().int("must be a whole hour from 0 to 23").min(0, "must be from 0 to 23").max(23, "must be from 0 to 23").default(7),
  DIGEST_TIME_ZONE: z.string().refine(isTimeZone, "must be an IANA time zone such as Europe/London").optional(),
  TZ: z.string().optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Lets a Prometheus scraper read GET /api/metrics with "Authorization: Bearer <token>"; read from process.env by observability/metrics-access.ts. */
  /** Set when several instances run behind one address: live updates, job locks and rate limits are shared through it. */
  REDIS_URL: z.string().regex(/^rediss?:\/\//, "must start with redis:// or rediss://").optional(),
  /** Processes serving this machine's port (cluster/processes.ts); above 1 they share what they must through Redis, and may share a SQLite file. */
  HEARTH_PROCESSES: z.coerce.number().int("must be a whole number, e.g. 2").min(1, "must be at least 1").max(64, "must be at most 64").default(1),
  HEARTH_METRICS_TOKEN: z.string().min(32, "must be at least 32 characters (e.g. openssl rand -hex 32)").optional(),
  /** Checked here so a typo stops start-up; the upload route reads it from process.env (see files/storage.ts). */
  UPLOAD_MAX_BYTES: z.string().regex(/^0*[1-9]\d{0,14}$/, "must be a whole number of bytes, e.g. 52428800 for 50 MB").optional(),
  /** Checked here so a typo stops start-up; the upload route reads it from process.env (see files/quota.ts). */
  UPLOAD_QUOTA_BYTES: z.string().regex(/^0*[1-9]\d{0,15}$/, "must be a whole number of bytes, e.g. 2147483648 for 2 GB").optional(),
  /** Checked here so a typo stops start-up; PDF export reads it from process.env (see documents/versions/pdf.ts). */
  HEARTH_CHROMIUM_PATH: z.string().startsWith("/", "must be an absolute path, e.g. /usr/bin/chromium").optional(),
  /** Chromium launches at once for PDF export; checked here, read from process.env by documents/versions/pdf-exporter.ts. */
  HEARTH_PDF_CONCURRENCY: z.string().regex(/^0*[1-9]\d?$/, "must be a whole number from 1 to 99, e.g. 2").optional(),
  /** Files go to this S3 bucket when S3_BUCKET is set; checked here, read from process.env by files/s3-storage.ts. */
  S3_BUCKET: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, "must be a bucket name: 3–63 lower-case letters, digits, dots and hyphens").optional(),
  S3_REGION: z.string().min(1).optional(),
  S3_ENDPOINT: z.url({ protocol: /^https?$/, error: "must be the service's URL, e.g. http://minio:9000" }).optional(),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_FORCE_PATH_STYLE: zFlag.optional(),
}).superRefine((env, context) => {
  if (env.HEARTH_PROCESSES > 1 && !env.REDIS_URL) {
    context.addIssue({
      code: "custom",
      path: ["HEARTH_PROCESSES"],
      message: "above 1, the processes share live updates, socket rooms, job locks and rate limits through Redis: set REDIS_URL, or HEARTH_PROCESSES=1",
    });
  }
  if (Boolean(env.S3_ACCESS_KEY_ID) !== Boolean(env.S3_SECRET_ACCESS_KEY)) {
    const missing = env.S3_ACCESS_KEY_ID ? "S3_SECRET_ACCESS_KEY" : "S3_ACCESS_KEY_ID";
    context.addIssue({ code: "custom", path: [missing], message: "set both S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY, or neither" });
  }
});

export type HearthConfig = {
  env: "development" | "production" | "test";
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string;
  authSecret: string;
  authUrl: string;
  headlessAdmin: { email: string; password: string; name: string } | null;
  seedDemo: boolean;
  smtpUrl: string | null;
  mailFrom: string;
  /** The daily digest goes out at or after this hour (0–23) in digestTimeZone. */
  digestHour: number;
  digestTimeZone: string;
  logLevel: z.infer<typeof zEnv>["LOG_LEVEL"];
  /** Redis shared by every instance, or null when this is the only one. */
  redisUrl: string | null;
  /** How many processes serve this instance's port. */
  processes: number;
};

/** Turns a validation failure into one readable line per variable instead of a zod dump. */
export class ConfigError extends Error {
  constructor(issues: z.core.$ZodIssue[]) {
    super(
      "Invalid configuration:\n" +
        issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`).join("\n"),
    );
    this.name = "ConfigError";
  }
}

type Environment = Record<string, string | undefined>;

function parseEnv(env: Environment) {
  const blankToUndefined = Object.fromEntries(
    Object.entries(env).map(([key, value]) => [key, value === "" ? undefined : value]),
  );
  const parsed = zEnv.safeParse(blankToUndefined);
  if (!parsed.success) throw new ConfigError(parsed.error.issues);
  return parsed.data;
}

const SECRET_FILE = "nextauth-secret";
/**
 * Secrets Hearth keeps beside the database: the auth secret, the demo passwords (bootstrap/start-up.ts)
 * and the web push key pair (push/vapid.ts, made on first use).
 */
const SECRET_FILES = [SECRET_FILE, "demo-sign-ins.json", "vapid-keys.json"];

/**
 * The NEXTAUTH_SECRET is generated on first start and kept in the data directory, so the two
 * start-up commands need no configuration and sessions survive restarts.
 */
function readOrCreateSecret(dataDir: string): string {
  const file = path.join(dataDir, SECRET_FILE);
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret + "\n", { mode: PRIVATE_FILE_MODE });
  chmodSync(file, PRIVATE_FILE_MODE);
  return secret;
}

/**
 * Creates the data directory and its uploads folder for the owner only, and tightens what an
 * older version created readable by others. The database file is made private where it is
 * created (db/migrate.ts, db.ts), as DATABASE_URL may put it elsewhere.
 */
function preparePrivateDataDir(dataDir: string): void {
  makePrivateDir(dataDir);
  for (const name of SECRET_FILES) tightenFile(path.join(dataDir, name));
  const uploads = path.join(dataDir, "uploads");
  makePrivateDir(uploads);
  for (const entry of readdirSync(uploads, { withFileTypes: true })) {
    if (entry.isDirectory()) chmodSync(path.join(uploads, entry.name), PRIVATE_DIR_MODE);
  }
}

function publicHost(host: string): string {
  return host === "0.0.0.0" || host === "::" ? "localhost" : host;
}

/** Where the data lives (data directory and database), read without creating anything: for backup and restore. */
export function resolveDataLocation(env: Environment = process.env): { dataDir: string; databaseUrl: string } {
  const parsed = parseEnv(env);
  const dataDir = path.resolve(parsed.HEARTH_DATA_DIR);
  return { dataDir, databaseUrl: parsed.DATABASE_URL ?? defaultDatabaseUrl(dataDir) };
}

const defaultDatabaseUrl = (dataDir: string) => `file:${path.join(dataDir, "hearth.db")}`;

/**
 * Resolves the whole configuration once at start-up, creating the data directory (owner only)
 * and secret when needed. Side effects are limited to the data directory.
 */
export function resolveConfig(env: Environment = process.env): HearthConfig {
  const parsed = parseEnv(env);
  const dataDir = path.resolve(parsed.HEARTH_DATA_DIR);
  preparePrivateDataDir(dataDir);
  const headlessAdmin =
    parsed.HEARTH_ADMIN_EMAIL && parsed.HEARTH_ADMIN_PASSWORD
      ? { email: parsed.HEARTH_ADMIN_EMAIL, password: parsed.HEARTH_ADMIN_PASSWORD, name: parsed.HEARTH_ADMIN_NAME }
      : null;
  return {
    env: parsed.NODE_ENV,
    port: parsed.PORT,
    host: parsed.HOST,
    dataDir,
    databaseUrl: parsed.DATABASE_URL ?? defaultDatabaseUrl(dataDir),
    authSecret: parsed.NEXTAUTH_SECRET ?? readOrCreateSecret(dataDir),
    authUrl: parsed.NEXTAUTH_URL ?? `http://${publicHost(parsed.HOST)}:${parsed.PORT}`,
    headlessAdmin,
    seedDemo: parsed.HEARTH_DEMO,
    smtpUrl: parsed.SMTP_URL ?? null,
    mailFrom: parsed.MAIL_FROM,
    digestHour: parsed.DIGEST_HOUR,
    digestTimeZone: parsed.DIGEST_TIME_ZONE ?? (parsed.TZ && isTimeZone(parsed.TZ) ? parsed.TZ : "Europe/London"),
    logLevel: parsed.LOG_LEVEL,
    redisUrl: parsed.REDIS_URL ?? null,
    processes: parsed.HEARTH_PROCESSES,
  };
}

/**
 * Next bundles route handlers apart from serve.ts, so the resolved values are handed over
 * through the process environment, which both sides read.
 */
export function exportToProcessEnv(config: HearthConfig): void {
  process.env.DATABASE_URL = config.databaseUrl;
  process.env.NEXTAUTH_SECRET = config.authSecret;
  process.env.NEXTAUTH_URL = config.authUrl;
  process.env.HEARTH_DATA_DIR = config.dataDir;
  process.env.LOG_LEVEL = config.logLevel;
  process.env.MAIL_FROM = config.mailFrom;
  if (config.redisUrl) process.env.REDIS_URL = config.redisUrl;
}

/** What code inside Next (route handlers, tRPC) needs; set by exportToProcessEnv at start-up. */
export function requireEnv(name: "DATABASE_URL" | "NEXTAUTH_SECRET"): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: start Hearth through server.ts (npm start)`);
  return value;
}
