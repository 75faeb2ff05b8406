import { Readable } from "node:stream";
import { getSessionUserId } from "@/server/api/context";
import { getDb } from "@/server/db";
import { opensInline } from "@/server/files/file-types";
import { findDownload } from "@/server/files/service";
import { getFileStorage } from "@/server/files/storage";

/** RFC 6266/5987: the UTF-8 name for browsers, with a plain ASCII fallback for old clients. */
function contentDisposition(contentType: string, name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `${opensInline(contentType) ? "inline" : "attachment"}; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/**
 * Downloads are authorised on every request, so a copied link works only for people who may see
 * the file. No access answers exactly like a missing file.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const userId = await getSessionUserId();
  if (!userId) return new Response("Please sign in first.", { status: 401 });
  const file = await findDownload(getDb(), userId, (await params).id);
  if (!file) return new Response("File not found.", { status: 404 });
  const stream = Readable.toWeb(getFileStorage().open(file.sha256)) as ReadableStream<Uint8Array>;
  return new Response(stream, {
    headers: {
      "content-type": file.contentType,
      "content-length": String(file.size),
      "content-disposition": contentDisposition(file.contentType, file.originalName),
      "x-content-type-options": "nosniff",
      "cache-control": "private, no-cache",
    },
  });
}
