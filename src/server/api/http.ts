import type { IncomingMessage, ServerResponse } from "node:http";
import { getErrorShape, getTRPCErrorFromUnknown, transformTRPCResponse, TRPCError } from "@trpc/server";
import { resolveResponse } from "@trpc/server/http";
import compression from "compression";
import { SECURITY_HEADERS, STRICT_TRANSPORT_SECURITY } from "../../../security-headers.mjs";
import { contextFromSession } from "@/server/api/session-context";
import { appRouter } from "@/server/api/root";
import { authSecret } from "@/server/auth/secret";
import { readSessionCookie } from "@/server/auth/session-token";
import { logger } from "@/server/logger";

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

/** Bodies of calls are JSON; serve.ts refuses larger ones before they are read, this while they are. */
const MAX_CALL_BODY_BYTES = 1_000_000;

/** Answers hold people's own data: no cache along the way may keep them. */
const RESPONSE_META = () => ({ headers: { "cache-control": "no-store" } });

/**
 * The tRPC context of a request, after checking where it comes from and how it is sent (before
 * any procedure runs). Throwing here answers the whole request with that error.
 */
export async function createCallContext(request: IncomingMessage) {
  const headers = headersOf(request);
  if (isForeignOrigin(headers)) {
    throw new TRPCError({ code: "FORBIDDEN", message: "Calls from other websites are not accepted." });
  }
  if (hasForeignContentType(headers)) {
    throw new TRPCError({ code: "UNSUPPORTED_MEDIA_TYPE", message: "Send calls as JSON (Content-Type: application/json)." });
  }
  return contextFromSession(await readSessionCookie(headers.get("cookie"), authSecret()));
}

/** A call's body as JSON, refusing with 413 once it passes MAX_CALL_BODY_BYTES (as tRPC's Node adapter does). */
function readJson(request: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = () => {
      request.off("data", onData);
      request.off("end", onEnd);
      request.off("error", onError);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_CALL_BODY_BYTES) return void chunks.push(chunk);
      stop();
      request.resume();
      reject(new TRPCError({ code: "PAYLOAD_TOO_LARGE" }));
    };
    const onEnd = () => {
      stop();
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString("utf8")));
      } catch (error) {
        reject(error);
      }
    };
    const onError = (error: Error) => {
      stop();
      reject(error);
    };
    request.on("data", onData);
    request.on("end", onEnd);
    request.on("error", onError);
  });
}

/**
 * What tRPC's resolveResponse reads of a request (method, url, headers, signal, and the body as
 * JSON), straight from Node's request. tRPC's Node adapter builds a whole fetch Request for it
 * (undici's URL, Headers, body stream and signal) and writes the answer back through web streams:
 * for a small read that was about half the time of the request (docs/benchmarks.md, bench:http).
 * The answer is the same: the same resolveResponse makes it.
 */
function callRequest(request: IncomingMessage, url: URL, signal: AbortSignal) {
  const headers = headersOf(request);
  return {
    method: request.method ?? "GET",
    url: url.href,
    headers: { get: headers.get, has: (name: string) => headers.get(name) !== null },
    signal,
    json: () => readJson(request),
  };
}

/** Writes tRPC's answer: JSON in one piece, or (for streaming calls, which Hearth's client does not make) as it comes. */
async function writeAnswer(answer: globalThis.Response, response: ServerResponse): Promise<void> {
  response.statusCode = answer.status;
  for (const [key, value] of answer.headers) if (key !== "set-cookie") response.setHeader(key, value);
  const cookies = answer.headers.getSetCookie();
  if (cookies.length > 0) response.setHeader("set-cookie", cookies);
  if (!answer.body) return void response.end();
  if (answer.headers.get("content-type") === "application/json" && !answer.headers.has("transfer-encoding")) {
    // The bytes as they are: text() would decode them only for end() to encode them again.
    return void response.end(Buffer.from(await answer.arrayBuffer()));
  }
  const reader = answer.body.getReader();
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) response.write(chunk.value);
  response.end();
}

/** Anything the call's own error handling did not answer: a 500 in tRPC's error shape, as its Node adapter sends. */
function answerUnexpected(response: ServerResponse, cause: unknown): void {
  const error = getTRPCErrorFromUnknown(cause);
  logger.error({ err: cause }, "tRPC request failed");
  if (response.headersSent) return void response.end();
  const shape = getErrorShape({ config: appRouter._def._config, error, type: "unknown", path: undefined, input: undefined, ctx: undefined });
  response.statusCode = shape.data.httpStatus;
  response.setHeader("content-type", "application/json");
  response.end(JSON.stringify(transformTRPCResponse(appRouter._def._config, { error: shape })));
}

async function trpcHandler(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(request.url ?? "/", "http://localhost");
  // Lets a procedure see a client that left before its answer, as tRPC's Node adapter does.
  const left = new AbortController();
  response.once("close", () => {
    if (!response.writableEnded) left.abort();
  });
  const answer = await resolveResponse({
    router: appRouter,
    // callRequest has every part of a Request that resolveResponse reads (see there).
    req: callRequest(request, url, left.signal) as unknown as globalThis.Request,
    path: url.pathname.slice(TRPC_PATH.length),
    error: null,
    maxBatchSize: MAX_BATCH_SIZE,
    allowMethodOverride: false,
    createContext: () => createCallContext(request),
    responseMeta: RESPONSE_META,
  });
  await writeAnswer(answer, response);
}

/** Answers of 1 KB and more, gzipped for browsers that ask, as Next compresses what it answers. */
const compress = compression();
type CompressionArguments = Parameters<typeof compress>;

/**
 * The tRPC endpoint `/api/trpc/<path>`, answered by serve.ts itself rather than by a Next route
 * (Next's routing, request wrapping and streams cost about as much as a small read; see
 * docs/benchmarks.md, bench:http). Checks where the call comes from and how it is sent before any
 * procedure runs, limits batches and bodies, and sends the headers and compression Next gives
 * every response.
 */
export function handleTrpcRequest(request: IncomingMessage, response: ServerResponse): void {
  for (const { key, value } of SECURITY_HEADERS) response.setHeader(key, value);
  if (request.headers["x-forwarded-proto"] === "https") response.setHeader(STRICT_TRANSPORT_SECURITY.key, STRICT_TRANSPORT_SECURITY.value);
  // compression works on plain Node requests and responses; its types name Express's.
  compress(request as CompressionArguments[0], response as CompressionArguments[1], () => {
    trpcHandler(request, response).catch((cause: unknown) => answerUnexpected(response, cause));
  });
}
