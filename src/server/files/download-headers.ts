import { opensInline } from "@/server/files/file-types";

/**
 * RFC 6266/5987: the UTF-8 name for browsers, with a plain ASCII fallback for old clients.
 * Images and PDFs open in the browser unless `download` asks for a download.
 */
function contentDisposition(contentType: string, name: string, download: boolean): string {
  const fallback = name.replace(/[^\x20-\x7e]|["\\]/g, "_");
  const disposition = opensInline(contentType) && !download ? "inline" : "attachment";
  return `${disposition}; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/**
 * The headers of a stored file's download. A file opened in the browser is someone's upload,
 * not Hearth's page: `Content-Security-Policy: sandbox` gives it an origin of its own with no
 * scripts, so a crafted PDF or image cannot act with the reader's session; nosniff stops the
 * browser from reading it as another type.
 */
export function downloadHeaders(file: { contentType: string; originalName: string }, download: boolean): Headers {
  return new Headers({
    "content-type": file.contentType,
    "content-disposition": contentDisposition(file.contentType, file.originalName, download),
    "content-security-policy": "sandbox",
    "x-content-type-options": "nosniff",
    "cache-control": "private, no-cache",
    "accept-ranges": "bytes",
  });
}
