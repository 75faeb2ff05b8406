import { TRPCError } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { contextFromSession } from "@/server/api/context";
import { appRouter } from "@/server/api/root";
import { authSecret } from "@/server/auth/options";
import { readSessionCookie } from "@/server/auth/session-token";

/** The browser's batch link sends at most this many calls in one request (lib/trpc/client.tsx). */
export const MAX_BATCH_SIZE = 10;

/** The hosts this site answers as: the Host header, the proxy's X-Forwarded-Host, and NEXTAUTH_URL's. */
function ownHosts(headers: Headers): Set<string> {
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
export function isForeignOrigin(headers: Headers): boolean {
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
function hasForeignContentType(headers: Headers): boolean {
  const type = headers.get("content-type");
  return type !== null && type.split(";", 1)[0]!.trim().toLowerCase() !== "application/json";
}

/**
 * The tRPC endpoint `/api/trpc/<path>`: checks where the call comes from and how it is sent
 * before any procedure runs, limits batches, and marks every answer as not to be stored, since
 * answers hold people's own data.
 */
export async function handleTrpcRequest(request: Request): Promise<Response> {
  const response = await fetchRequestHandler({
    endpoint: "/api/trpc",
    req: request,
    router: appRouter,
    maxBatchSize: MAX_BATCH_SIZE,
    allowMethodOverride: false,
    createContext: async ({ req }) => {
      if (isForeignOrigin(req.headers)) {
        throw new TRPCError({ code: "FORBIDDEN", message: "Calls from other websites are not accepted." });
      }
      if (hasForeignContentType(req.headers)) {
        throw new TRPCError({ code: "UNSUPPORTED_MEDIA_TYPE", message: "Send calls as JSON (Content-Type: application/json)." });
      }
      return contextFromSession(await readSessionCookie(req.headers.get("cookie"), authSecret()));
    },
  });
  response.headers.set("cache-control", "no-store");
  return response;
}
