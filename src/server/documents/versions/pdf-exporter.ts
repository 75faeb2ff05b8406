import { createHash } from "node:crypto";
import { htmlToPdf } from "@/server/documents/versions/pdf";
import { processLimiter, TokenBucketLimiter, tryAgainIn } from "@/server/rate-limit";

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
 * of the HTML is the cache key for both.
 */
export function createPdfExporter(print: PdfPrinter, limits: PdfExportLimits) {
  const cache = new Map<string, Uint8Array>();
  let cachedBytes = 0;
  const inFlight = new Map<string, Promise<Uint8Array>>();
  const waiting: (() => void)[] = [];
  let running = 0;
  const perPerson = new TokenBucketLimiter({ burst: limits.perPersonBurst, perSecond: limits.perPersonPerMinute / 60 });

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

  return {
    async print(userId: string, html: string): Promise<Uint8Array> {
      const key = createHash("sha256").update(html).digest("hex");
      const cached = cache.get(key);
      if (cached) {
        cache.delete(key);
        cache.set(key, cached);
        return cached;
      }
      const pending = inFlight.get(key);
      if (pending) return pending;
      if (running >= limits.concurrency && waiting.length >= limits.maxWaiting) throw new PdfExportRefused(503, EXPORTS_BUSY, 60);
      const allowance = perPerson.take(userId);
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

/** One exporter per process (Next bundles route handlers apart from server.ts), printing with Chromium. */
export function getPdfExporter() {
  return processLimiter("pdf-export", () => createPdfExporter(htmlToPdf, defaultPdfLimits()));
}
