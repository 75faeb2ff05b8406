import { createHash } from "node:crypto";
import { htmlToPdf } from "@/server/documents/versions/pdf";
import { processLimiter, rateLimiter, TokenBucketLimiter, tryAgainIn, type Allowance, type Rate, type RateLimiter } from "@/server/rate-limit";

/**
 * Each Chromium launch is some ten processes and a few hundred MB, so PDF exports share a small
 * number of launches: the rest wait in a short queue, and once that is full further requests
 * are turned away rather than left to pile up.
 */
export type PdfExportLimits = {
  /** Chromium launches at once (HEARTH_PDF_CONCURRENCY, default 2). */
  concurrency: number;
  /** Exports waiting for a launch; beyond this the answer is 503. */
  maxWaiting: number;
  /** Launches one person may cause in a burst, then `perPersonPerMinute` a minute (429 beyond). */
  perPersonBurst: number;
  perPersonPerMinute: number;
  /** Memory kept for finished PDFs, least recently used dropped first. */
  cacheBytes: number;
};

export const DEFAULT_PDF_CONCURRENCY = 2;

export function defaultPdfLimits(env: Record<string, string | undefined> = process.env): PdfExportLimits {
  const concurrency = Number(env.HEARTH_PDF_CONCURRENCY?.trim() || DEFAULT_PDF_CONCURRENCY);
  return { concurrency, maxWaiting: 4 * concurrency, perPersonBurst: 5, perPersonPerMinute: 5, cacheBytes: 64 * 1024 * 1024 };
}

/** Launches one person may cause, as a token bucket. */
function perPersonRate(limits: PdfExportLimits): Rate {
  return { burst: limits.perPersonBurst, perSecond: limits.perPersonPerMinute / 60 };
}

/** A PDF export turned away for now; the route answers with `status` and a Retry-After header. */
export class PdfExportRefused extends Error {
  constructor(
    readonly status: 429 | 503,
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
    this.name = "PdfExportRefused";
  }
}

export const EXPORTS_BUSY = "Many exports are being made; try again in a minute.";

export type PdfPrinter = (html: string) => Promise<Uint8Array>;

/**
 * Prints HTML to PDF through `print`, at most `concurrency` at a time. The same HTML prints once:
 * a request for a PDF being made waits for that one, and a finished PDF is served from memory. A
 * named version's HTML never changes and the current text's changes with every edit, so the hash
 * of the HTML is the cache key for both. Launches are per instance; `perPerson` may be shared by
 * every instance (rate-limit.ts), so asking for it takes a moment, during which the request
 * already holds its place in the queue.
 */
export function createPdfExporter(print: PdfPrinter, limits: PdfExportLimits, perPerson: RateLimiter = new TokenBucketLimiter(perPersonRate(limits))) {
  const cache = new Map<string, Uint8Array>();
  let cachedBytes = 0;
  const inFlight = new Map<string, Promise<Uint8Array>>();
  /** Requests asking whether their person may cause a launch, by HTML: one at a time, so the same HTML costs one launch. */
  const admitting = new Map<string, Promise<Allowance>>();
  const waiting: (() => void)[] = [];
  let running = 0;

  function remember(key: string, pdf: Uint8Array) {
    if (pdf.byteLength > limits.cacheBytes) return;
    cache.set(key, pdf);
    cachedBytes += pdf.byteLength;
    for (const [oldKey, old] of cache) {
      if (cachedBytes <= limits.cacheBytes) break;
      cache.delete(oldKey);
      cachedBytes -= old.byteLength;
    }
  }

  /** A finished launch hands its slot straight to the next in line, so a newcomer cannot slip past the queue. */
  async function inSlot(html: string): Promise<Uint8Array> {
    if (running < limits.concurrency) running += 1;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await print(html);
    } finally {
      const next = waiting.shift();
      if (next) next();
      else running -= 1;
    }
  }

  /** The PDF of `key` from the cache, or the launch making it; undefined when neither. */
  function alreadyThere(key: string): Uint8Array | Promise<Uint8Array> | undefined {
    const cached = cache.get(key);
    if (cached) {
      cache.delete(key);
      cache.set(key, cached);
      return cached;
    }
    return inFlight.get(key);
  }

  return {
    async print(userId: string, html: string): Promise<Uint8Array> {
      const key = createHash("sha256").update(html).digest("hex");
      for (;;) {
        const ready = alreadyThere(key);
        if (ready) return ready;
        const other = admitting.get(key);
        if (!other) break;
        // Someone else's request for this HTML is being admitted: share its launch, or take its place if refused.
        await other;
      }
      if (running + waiting.length + admitting.size >= limits.concurrency + limits.maxWaiting) throw new PdfExportRefused(503, EXPORTS_BUSY, 60);
      const admission = Promise.resolve(perPerson.take(userId));
      admitting.set(key, admission);
      let allowance: Allowance;
      try {
        allowance = await admission;
      } finally {
        admitting.delete(key);
      }
      if (!allowance.ok) {
        throw new PdfExportRefused(
          429,
          `You have asked for many PDFs in a short time. ${tryAgainIn(allowance.retryAfterMs)} Exporting as a web page or Markdown works meanwhile.`,
          Math.ceil(allowance.retryAfterMs / 1000),
        );
      }
      const job = inSlot(html).then((pdf) => {
        remember(key, pdf);
        return pdf;
      });
      inFlight.set(key, job);
      try {
        return await job;
      } finally {
        inFlight.delete(key);
      }
    },
  };
}

/**
 * One exporter per process (Next bundles route handlers apart from serve.ts), printing with
 * Chromium; each person's launches are counted across instances when there are several.
 */
export function getPdfExporter() {
  return processLimiter("pdf-export", () => {
    const limits = defaultPdfLimits();
    return createPdfExporter(htmlToPdf, limits, rateLimiter("pdf-export", perPersonRate(limits)));
  });
}
