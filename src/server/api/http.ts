import type { IncomingMessage, ServerResponse } from "node:http";
import { TRPCError } from "@trpc/server";
import compression from "compression";
import { createHTTPHandler } from "@trpc/server/adapters/standalone";
import { SECURITY_HEADERS, STRICT_TRANSPORT_SECURITY } from "../../../security-headers.mjs";
import { contextFromSession } from "@/server/api/session-context";
import { appRouter } from "@/server/api/root";
import { authSecret } from "@/server/auth/secret";
import { readSessionCookie } from "@/server/auth/session-token";

/** The browser's batch link sends at most this many calls in one request (lib/trpc/client.tsx). */
export const MAX_BATCH_SIZE = 10;

/** The part of the Fetch API's Headers these checks read. */
type HeaderReader = Pick<Headers, "get">;

/** The hosts this site answers as: the Host header, the proxy's X-Forwarded-Host, and NEXTAUTH_URL's. */
function ownHosts(headers: HeaderReader): Set<string> {
  const hosts = new Set<string>();
  const host = headers.get("host");
  if (host) hosts.add(host.toLowerCase());
  const forwarded = headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  if (forwarded) hosts.add(forwarded.toLowerCase());
  try {
    if (process.env.NEXTAUTH_URL) hosts.add(new URL(process.env.NEXTAUTH_URL).host);
  } catch {
    // config.ts checks NEXTAUTH_URL at start-up; a bad value adds nothing here.
  }
  return hosts;
}

/**
 * A call made by another site's page: browsers send Origin with every cross-site POST (and
 * with same-site fetches), so a present Origin that is not ours (or is "null") is refused.
 * Calls without Origin (scripts, the end-to-end suite) carry no browser's cookies by accident.
 */
export function isForeignOrigin(headers: HeaderReader): boolean {
  const origin = headers.get("origin");
  if (origin === null) return false;
  try {
    return !ownHosts(headers).has(new URL(origin).host);
  } catch {
    return true;
  }
}

/**
 * Calls are JSON only. tRPC also reads multipart forms and raw bytes, which any other site can
 * make a browser post without asking first; Hearth has no procedure that takes them.
 */
function hasForeignContentType(headers: HeaderReader): boolean {
  const type = headers.get("content-type");
  return type !== null && type.split(";", 1)[0]!.trim().toLowerCase() !== "application/json";
}

/** A Node request's headers, read as the Fetch API reads them (repeated headers joined by ", "). */
function headersOf(request: IncomingMessage): HeaderReader {
  return {
    get: (name) => {
      const value = request.headers[name.toLowerCase()];
      return value === undefined ? null : Array.isArray(value) ? value.join(", ") : value;
    },
  };
}

export const TRPC_PATH = "/api/trpc/";

/** Bodies of calls are JSON; server.ts refuses larger ones before they are read, this while they are. */
const MAX_CALL_BODY_BYTES = 1_000_000;

const trpcHandler = createHTTPHandler({
  basePath: TRPC_PATH,
  router: appRouter,
  maxBatchSize: MAX_BATCH_SIZE,
  maxBodySize: MAX_CALL_BODY_BYTES,
  allowMethodOverride: false,
  createContext: async ({ req }) => {
    const headers = headersOf(req);
    if (isForeignOrigin(headers)) {
      throw new TRPCError({ code: "FORBIDDEN", message: "Calls from other websites are not accepted." });
    }
    if (hasForeignContentType(headers)) {
      throw new TRPCError({ code: "UNSUPPORTED_MEDIA_TYPE", message: "Send calls as JSON (Content-Type: application/json)." });
    }
    return contextFromSession(await readSessionCookie(headers.get("cookie"), authSecret()));
  },
  // Answers hold people's own data: no cache along the way may keep them.
  responseMeta: () => ({ headers: { "cache-control": "no-store" } }),
});

/** Answers of 1 KB and more, gzipped for browsers that ask, as Next compresses what it answers. */
const compress = compression();
type CompressionArguments = Parameters<typeof compress>;

/**
 * The tRPC endpoint `/api/trpc/<path>`, answered by server.ts itself rather than by a Next route
 * (Next's routing, request wrapping and streams cost about as much as a small read; see
 * docs/benchmarks.md, bench:http). Checks where the call comes from and how it is sent before any
 * procedure runs, limits batches and bodies, and sends the headers and compression Next gives
 * every response.
 */
export function handleTrpcRequest(request: IncomingMessage, response: ServerResponse): void {
  for (const { key, value } of SECURITY_HEADERS) response.setHeader(key, value);
  if (request.headers["x-forwarded-proto"] === "https") response.setHeader(STRICT_TRANSPORT_SECURITY.key, STRICT_TRANSPORT_SECURITY.value);
  // compression works on plain Node requests and responses; its types name Express's.
  compress(request as CompressionArguments[0], response as CompressionArguments[1], () => trpcHandler(request, response));
}
