import { AsyncResource } from "node:async_hooks";
import type { IncomingMessage, ServerResponse } from "node:http";

/**
 * Page renders at once: the rest wait their turn in arrival order. Node interleaves every render in
 * progress, so under load fifty renders all advanced together and all finished late, some after
 * ten seconds; taken in turn, the same renders finish at the same rate, each as soon as it can
 * (docs/benchmarks.md, bench:http). A few at once, so a render waiting for PostgreSQL leaves the
 * processor to another.
 */
export const PAGE_RENDERS_AT_ONCE = 4;

/** Beyond this many waiting, a page is refused at once (503) rather than after a long wait. */
export const MAX_PAGES_WAITING = 400;

/** Requests that are not page renders: API calls and files, which are short or stream. */
const NOT_PAGES = ["/api/", "/_next/", "/socket.io/"];

export function isPageRender(url: string | undefined): boolean {
  return url !== undefined && !NOT_PAGES.some((prefix) => url.startsWith(prefix));
}

/**
 * Admits page renders `limit` at a time, first come first served. `admit` calls `render` when the
 * request's turn comes (at once when there is room), answers 503 with Retry-After when `maxWaiting`
 * are already waiting, and skips a request whose client went away while it waited. The turn passes
 * on when the response is finished or the connection closes.
 */
export function createPageGate(limit = PAGE_RENDERS_AT_ONCE, maxWaiting = MAX_PAGES_WAITING) {
  let rendering = 0;
  const waiting: (() => void)[] = [];
  const next = () => {
    rendering -= 1;
    while (rendering < limit && waiting.length > 0) {
      rendering += 1;
      waiting.shift()!();
    }
  };
  return {
    admit(request: IncomingMessage, response: ServerResponse, render: () => void): void {
      const start = () => {
        if (response.destroyed || request.destroyed) return next();
        let done = false;
        const finish = () => {
          if (done) return;
          done = true;
          next();
        };
        response.once("finish", finish);
        response.once("close", finish);
        render();
      };
      if (rendering < limit) {
        rendering += 1;
        return start();
      }
      if (waiting.length >= maxWaiting) {
        response.writeHead(503, { "content-type": "text/plain; charset=utf-8", "retry-after": "5" });
        response.end("Hearth is very busy right now. Please try again in a few seconds.");
        return;
      }
      // Run later in this request's own context (its request id), not in the one whose end frees the turn.
      waiting.push(AsyncResource.bind(start));
    },
    /** Renders in progress and waiting (the tests read it). */
    load: () => ({ rendering, waiting: waiting.length }),
  };
}
