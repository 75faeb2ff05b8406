import { parentPort } from "node:worker_threads";
import { extractFileText, type FileTextLimits } from "@/server/search/file-text";

/** One file for the worker to read; its bytes are transferred, not copied. */
export type FileTextRequest = { bytes: Uint8Array; contentType: string; limits: FileTextLimits };

/** The worker's answer: the file's text, or why it could not be taken (a FileTextError's message). */
export type FileTextAnswer = { text: string } | { error: string };

/**
 * The thread that reads files' text (file-text-reader.ts starts it): pdf.js in Node parses on the
 * thread that calls it, so a large or hostile PDF would otherwise hold up every request, and only
 * terminating the thread can stop synchronous parsing at the time limit. Reads one file per
 * message, one after another.
 */
parentPort?.on("message", async ({ bytes, contentType, limits }: FileTextRequest) => {
  let answer: FileTextAnswer;
  try {
    answer = { text: await extractFileText(bytes, contentType, limits) };
  } catch (error) {
    answer = { error: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(answer);
});
