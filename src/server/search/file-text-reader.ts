import { Worker } from "node:worker_threads";
import { FileTextError, hasReadableText, type FileTextLimits } from "@/server/search/file-text";
import type { FileTextAnswer, FileTextRequest } from "@/server/search/file-text-worker";
import { MAX_ENTRY_TEXT } from "@/server/search/schemas";

/**
 * What reading one uploaded file may cost the server. The heap has room for pdf.js (about 20 MB)
 * and a large file's text. Filling it bit by bit stops only the reader's thread, but one
 * allocation that does not fit even then (Node allows 16 MB over) ends the whole process: the size
 * and unpacking limits keep a file's largest strings well below the heap. The heap does not hold
 * pdf.js's decoded streams (a 1 MB PDF can decode to gigabytes), hence the bound on the process's
 * growth: room for a cold reader (about 100 MB), a full heap and large streams.
 */
export const FILE_TEXT_LIMITS: FileTextLimits = {
  maxFileBytes: 20 * 1024 * 1024,
  maxChars: MAX_ENTRY_TEXT,
  maxPages: 100,
  maxUnzippedBytes: 20 * 1024 * 1024,
  timeoutMs: 15_000,
  maxHeapMb: 256,
  maxMemoryGrowthMb: 768,
};

/** How often the process's memory is checked while a file is read. */
const MEMORY_CHECK_MS = 100;

/** The worker entry bundled for production, beside the server bundle (scripts/build-if-stale.ts writes both). */
export const FILE_TEXT_WORKER_BUNDLE = "hearth-file-text-worker.mjs";

/**
 * The reader is kept this long after its last file, then stopped to give its memory back (about
 * 100 MB with pdf.js loaded). Starting it costs about half a second (mostly loading pdf.js), a file
 * read by a warm reader a few milliseconds: a pass over many files starts it once.
 */
const IDLE_MS = 10_000;

type Reader = { worker: Worker; heapMb: number; pending: { resolve: (text: string) => void; reject: (error: FileTextError) => void } | null; idle?: NodeJS.Timeout };

let reader: Reader | null = null;
let queue: Promise<unknown> = Promise.resolve();

/**
 * The worker as each way of running Hearth can start it: the bundle beside the server's in
 * production; under tsx (dev, scripts) and vitest, whose workers start as plain Node, the
 * TypeScript entry through tsx's loader (which also resolves tsconfig.json's "@/" paths). tsx
 * turns Node's source maps on, and Node would then keep pdf.js's, parsed, in the capped heap
 * (a reader of under 96 MB could not even load it): the worker turns them off again.
 */
function startWorker(heapMb: number): Worker {
  const options = { resourceLimits: { maxOldGenerationSizeMb: heapMb } };
  if (!import.meta.url.endsWith(".ts")) return new Worker(new URL(`./${FILE_TEXT_WORKER_BUNDLE}`, import.meta.url), options);
  const tsx = JSON.stringify(import.meta.resolve("tsx/esm/api"));
  const entry = JSON.stringify(new URL("./file-text-worker.ts", import.meta.url).href);
  return new Worker(`import(${tsx}).then(({ register }) => { register(); process.setSourceMapsEnabled(false); return import(${entry}); });`, { ...options, eval: true });
}

function start(heapMb: number): Reader {
  const current: Reader = { worker: startWorker(heapMb), heapMb, pending: null };
  const fail = (error: FileTextError) => {
    if (reader === current) reader = null;
    clearTimeout(current.idle);
    current.pending?.reject(error);
    current.pending = null;
  };
  current.worker.on("message", (answer: FileTextAnswer) => {
    const pending = current.pending;
    current.pending = null;
    if ("text" in answer) pending?.resolve(answer.text);
    else pending?.reject(new FileTextError(answer.error));
  });
  current.worker.on("error", (error: Error & { code?: string }) =>
    fail(new FileTextError(error.code === "ERR_WORKER_OUT_OF_MEMORY" ? `reading the file needed more than ${heapMb} MB of heap` : `the file reader failed: ${error.message}`)),
  );
  current.worker.on("exit", (code) => fail(new FileTextError(`the file reader stopped (exit code ${code})`)));
  return current;
}

/** Stops a reader for good, failing its file if it is reading one; the next file starts a new reader. */
function stop(current: Reader, error?: FileTextError): void {
  if (error) current.pending?.reject(error);
  current.pending = null;
  if (reader === current) reader = null;
  void current.worker.terminate();
}

async function readOne(bytes: Uint8Array, contentType: string, limits: FileTextLimits): Promise<string> {
  if (reader && reader.heapMb !== limits.maxHeapMb) stop(reader);
  const current = (reader ??= start(limits.maxHeapMb));
  clearTimeout(current.idle);
  current.worker.ref();
  // Transferred rather than copied, unless the bytes are a view on a larger (pooled, shared) buffer.
  const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer;
  const own = whole ? bytes : new Uint8Array(bytes);
  const text = new Promise<string>((resolve, reject) => {
    current.pending = { resolve, reject };
  });
  const deadline = setTimeout(() => stop(current, new FileTextError(`reading the file took longer than ${limits.timeoutMs} ms`)), limits.timeoutMs);
  // The whole process's memory: the worker's own cannot be asked while it is busy.
  const memoryAtStart = process.memoryUsage.rss();
  const memoryCheck = setInterval(() => {
    if (process.memoryUsage.rss() - memoryAtStart <= limits.maxMemoryGrowthMb * 1024 * 1024) return;
    stop(current, new FileTextError(`reading the file took more than ${limits.maxMemoryGrowthMb} MB of memory`));
  }, MEMORY_CHECK_MS);
  try {
    current.worker.postMessage({ bytes: own, contentType, limits } satisfies FileTextRequest, [own.buffer as ArrayBuffer]);
    return await text;
  } finally {
    clearTimeout(deadline);
    clearInterval(memoryCheck);
    if (reader === current) {
      current.worker.unref();
      current.idle = setTimeout(() => stop(current), IDLE_MS);
      current.idle.unref();
    }
  }
}

/**
 * extractFileText (file-text.ts) on a worker thread, so that parsing a large or hostile file never
 * holds up requests, and the limits hold even for synchronous parsing: the thread is terminated
 * `limits.timeoutMs` after the file's turn comes (a cold reader's start-up included), or once the
 * process has grown by `limits.maxMemoryGrowthMb` (growth elsewhere in the process counts too).
 * That, running out of its heap (`limits.maxHeapMb`) and any crash of the thread are a
 * FileTextError, and the next file gets a fresh reader. Files are read one at a time per process,
 * in the order asked. Takes the bytes over: the caller's buffer may be detached.
 */
export function readFileTextInWorker(bytes: Uint8Array, contentType: string, limits: FileTextLimits = FILE_TEXT_LIMITS): Promise<string> {
  if (!hasReadableText(contentType)) return Promise.resolve("");
  const read = queue.then(() => readOne(bytes, contentType, limits));
  queue = read.catch(() => undefined);
  return read;
}
