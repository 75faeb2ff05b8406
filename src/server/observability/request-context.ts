import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";

/** What every log line of one HTTP request carries: its id, also sent back as X-Request-Id. */
export type RequestContext = { requestId: string };

const holder = globalThis as unknown as { hearthRequestContext?: AsyncLocalStorage<RequestContext> };

/** One store per process, shared through globalThis because Next bundles route handlers apart from serve.ts. */
export function requestContextStore(): AsyncLocalStorage<RequestContext> {
  holder.hearthRequestContext ??= new AsyncLocalStorage<RequestContext>();
  return holder.hearthRequestContext;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{8,100}$/;

/**
 * The request's id: a well-formed X-Request-Id from the proxy in front (so its logs and ours
 * line up), otherwise a new one. Anything else in the header is ignored, not logged.
 */
export function requestIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && REQUEST_ID.test(value) ? value : randomUUID();
}
