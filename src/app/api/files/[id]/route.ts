import { Readable } from "node:stream";
import { getSessionUserId } from "@/server/api/context";
import { getDb } from "@/server/db";
import { parseByteRange } from "@/server/files/byte-range";
import { DOWNLOAD_LENGTH_HEADER } from "@/server/files/download-length";
import { downloadHeaders } from "@/server/files/download-headers";
import { findDownload } from "@/server/files/service";
import { getFileStorage } from "@/server/files/storage";
import { logger } from "@/server/logger";

/**
 * Downloads are authorised on every request, so a copied link works only for people who may see
 * the file. No access answers exactly like a missing file. A single `Range` is honoured, so PDF
 * viewers can fetch pages and interrupted downloads can resume.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const userId = await getSessionUserId();
  if (!userId) return new Response("Please sign in first.", { status: 401 });
  const { id } = await params;
  const file = await findDownload(getDb(), userId, id);
  if (!file) return new Response("File not found.", { status: 404 });

  const headers = downloadHeaders(file, new URL(request.url).searchParams.get("download") === "1");
  const range = parseByteRange(request.headers.get("range"), file.size);
  if (range === "unsatisfiable") {
    headers.set("content-range", `bytes */${file.size}`);
    return new Response(null, { status: 416, headers });
  }

  let content: Readable;
  try {
    content = await getFileStorage().open(file.sha256, range ?? undefined);
  } catch (error) {
    logger.error({ err: error, fileId: id }, "stored file has a row but its content could not be read");
    return new Response("File not found.", { status: 404 });
  }
  headers.set(DOWNLOAD_LENGTH_HEADER, String(range ? range.end - range.start + 1 : file.size));
  if (range) {
    headers.set("content-range", `bytes ${range.start}-${range.end}/${file.size}`);
    // A compressed part would no longer be those bytes of the file.
    headers.set("cache-control", "private, no-cache, no-transform");
  }
  return new Response(Readable.toWeb(content) as ReadableStream<Uint8Array>, { status: range ? 206 : 200, headers });
}
