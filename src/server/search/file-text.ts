import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Unzip, UnzipInflate } from "fflate";
import type * as PdfJsModule from "pdfjs-dist/legacy/build/pdf.mjs";

/**
 * How much work one file's text may cost (the server's are FILE_TEXT_LIMITS, in
 * file-text-reader.ts). Files above `maxFileBytes` are not read at all; reading stops at
 * `maxChars` characters, `maxPages` pages of a PDF, or after `timeoutMs`; a zip (Word,
 * OpenDocument) is unpacked no further than `maxUnzippedBytes`. Memory is bounded only by
 * readFileTextInWorker: its thread has a JavaScript heap of `maxHeapMb`, and is stopped if the
 * process grows by more than `maxMemoryGrowthMb` while it reads.
 */
export type FileTextLimits = {
  maxFileBytes: number;
  maxChars: number;
  maxPages: number;
  maxUnzippedBytes: number;
  timeoutMs: number;
  maxHeapMb: number;
  maxMemoryGrowthMb: number;
};

/** Why a file's text could not be taken, in words for the log. */
export class FileTextError extends Error {}

const WORD = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const OPEN_DOCUMENT_TEXT = "application/vnd.oasis.opendocument.text";
const PLAIN_TEXT = ["text/plain", "text/markdown", "text/csv"];

/** Whether Hearth reads text from files of this type (what files/file-types.ts recorded at upload). */
export function hasReadableText(contentType: string): boolean {
  const type = contentType.split(";")[0]!.trim().toLowerCase();
  return type === "application/pdf" || type === WORD || type === OPEN_DOCUMENT_TEXT || PLAIN_TEXT.includes(type);
}

/**
 * The words of a PDF, Word (.docx), OpenDocument text (.odt) or plain-text file (text, Markdown,
 * CSV), within `limits`; "" for any other type. Throws FileTextError for a file that is damaged, or
 * would cost more than the limits allow to read; the caller decides what that means. Parses on the
 * calling thread, so the server calls it on a worker thread (readFileTextInWorker).
 */
export async function extractFileText(bytes: Uint8Array, contentType: string, limits: FileTextLimits): Promise<string> {
  if (!hasReadableText(contentType)) return "";
  if (bytes.length > limits.maxFileBytes) throw new FileTextError(`the file is larger than ${limits.maxFileBytes} bytes`);
  const type = contentType.split(";")[0]!.trim().toLowerCase();
  const deadline = Date.now() + limits.timeoutMs;
  let text: string;
  if (type === "application/pdf") text = await pdfText(bytes, limits, deadline);
  else if (type === WORD) text = wordText(unzipOne(bytes, "word/document.xml", limits));
  else if (type === OPEN_DOCUMENT_TEXT) text = openDocumentText(unzipOne(bytes, "content.xml", limits));
  else text = new TextDecoder("utf-8").decode(bytes.subarray(0, limits.maxChars * 4));
  return cleanText(text).slice(0, limits.maxChars);
}

/**
 * Control characters (a NUL cannot even be stored in PostgreSQL text) become spaces, runs of
 * spaces one, and lines without words go; what is left is the text search indexes and snippets quote.
 */
function cleanText(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f\ufffe\uffff]/g, " ")
    .split("\n")
    .map((line) => line.replace(/[ \t\u00a0]+/g, " ").trim())
    .filter(Boolean)
    .join("\n");
}

/** Input handed to the unzipper at a time: inflating it makes at most about 1,000 times as much, so the cap is checked often. */
const UNZIP_STEP = 8 * 1024;

/**
 * One entry of a zip, unpacked. The sizes a zip declares can lie, so the bytes actually unpacked
 * are counted as they come and unpacking stops past `maxUnzippedBytes` (a zip bomb costs a few
 * milliseconds and that much memory at most).
 */
function unzipOne(zip: Uint8Array, name: string, limits: FileTextLimits): string {
  const chunks: Uint8Array[] = [];
  let unpacked = 0;
  let found = false;
  let finished = false;
  let failure: FileTextError | null = null;
  const unzip = new Unzip((file) => {
    if (file.name !== name || found) return;
    found = true;
    file.ondata = (error, chunk, final) => {
      if (failure) return;
      if (error) {
        failure = new FileTextError(`${name} could not be unpacked: ${error.message}`);
        return;
      }
      unpacked += chunk.length;
      if (unpacked > limits.maxUnzippedBytes) {
        failure = new FileTextError(`${name} unpacks to more than ${limits.maxUnzippedBytes} bytes`);
        file.terminate();
        return;
      }
      chunks.push(chunk);
      if (final) finished = true;
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    for (let offset = 0; offset < zip.length && !failure && !finished; offset += UNZIP_STEP) {
      unzip.push(zip.subarray(offset, offset + UNZIP_STEP), offset + UNZIP_STEP >= zip.length);
    }
  } catch (error) {
    failure ??= new FileTextError(`the file is not a zip that can be read: ${(error as Error).message}`);
  }
  if (failure) throw failure;
  if (!finished) throw new FileTextError(found ? `${name} is cut short` : `the file has no ${name}`);
  return new TextDecoder("utf-8").decode(concat(chunks, unpacked));
}

function concat(chunks: Uint8Array[], length: number): Uint8Array {
  const all = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    all.set(chunk, offset);
    offset += chunk.length;
  }
  return all;
}

const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** XML character data as text: the five named entities and numeric references. */
function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, entity: string) => {
    if (entity[0] !== "#") return ENTITIES[entity] ?? whole;
    const code = entity[1] === "x" || entity[1] === "X" ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : " ";
  });
}

/**
 * The text runs of word/document.xml: what `<w:t>` elements hold (not deleted text or field
 * codes, which live in other elements), with tabs and breaks as spaces and a line per paragraph.
 */
function wordText(xml: string): string {
  const parts: string[] = [];
  const pattern = /<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:(?:tab|br|cr)\b[^>]*\/>|<\/w:p>/g;
  for (const match of xml.matchAll(pattern)) {
    if (match[1] !== undefined) parts.push(decodeXml(match[1]));
    else parts.push(match[0] === "</w:p>" ? "\n" : " ");
  }
  return parts.join("");
}

/**
 * The text of an OpenDocument's content.xml body: character data between the tags, a line per
 * paragraph or heading, `<text:s text:c="n"/>` as spaces, tabs and line breaks as spaces.
 */
function openDocumentText(xml: string): string {
  const start = xml.indexOf("<office:body");
  const body = start === -1 ? xml : xml.slice(start);
  return decodeXml(
    body
      .replace(/<\/text:(?:p|h)>/g, "\n")
      .replace(/<text:(?:s|tab|line-break)\b[^>]*\/>/g, " ")
      .replace(/<[^>]*>/g, ""),
  );
}

type PdfJs = typeof PdfJsModule;
let pdfjs: Promise<PdfJs> | undefined;

/** pdf.js's build for Node, loaded on first use; without a worker, it parses on this thread. */
function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= import("pdfjs-dist/legacy/build/pdf.mjs");
  return pdfjs;
}

/** Where pdf.js finds the character maps of CJK fonts, so their text reads as words too. */
function cMapUrl(): string {
  const root = path.dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"));
  return pathToFileURL(path.join(root, "cmaps")).href + "/";
}

/** The text of a PDF's pages, a line for each line pdf.js finds, until a limit is reached. */
async function pdfText(bytes: Uint8Array, limits: FileTextLimits, deadline: number): Promise<string> {
  const { getDocument } = await loadPdfJs();
  // pdf.js takes the bytes over; a copy leaves the caller's intact.
  const task = getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, cMapUrl: cMapUrl(), verbosity: 0 });
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new FileTextError(`reading the PDF took longer than ${limits.timeoutMs} ms`)), Math.max(0, deadline - Date.now()));
  });
  try {
    const read = async () => {
      const pdf = await task.promise;
      const pages = Math.min(pdf.numPages, limits.maxPages);
      let text = "";
      for (let number = 1; number <= pages && text.length < limits.maxChars && Date.now() < deadline; number += 1) {
        const content = await (await pdf.getPage(number)).getTextContent();
        for (const item of content.items) if ("str" in item) text += item.str + (item.hasEOL ? "\n" : "");
        text += "\n";
      }
      return text;
    };
    return await Promise.race([read(), timedOut]);
  } catch (error) {
    throw error instanceof FileTextError ? error : new FileTextError(`the PDF could not be read: ${(error as Error).message}`);
  } finally {
    clearTimeout(timer);
    await task.destroy();
  }
}
