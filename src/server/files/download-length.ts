import type { IncomingMessage, ServerResponse } from "node:http";

/** The header the download route names a file's length in; serve.ts turns it into Content-Length. */
export const DOWNLOAD_LENGTH_HEADER = "x-hearth-content-length";

/**
 * Next drops Content-Length from route handlers' responses. Downloads need it: browsers show
 * progress with it, and PDF viewers (pdf.js) only ask for ranges of a file whose length they
 * know. The download route sends the length under DOWNLOAD_LENGTH_HEADER; this puts it back.
 */
export function keepDownloadLength(request: IncomingMessage, response: ServerResponse): void {
  if ((request.method !== "GET" && request.method !== "HEAD") || !request.url?.startsWith("/api/files/")) return;
  const setHeader = response.setHeader.bind(response);
  response.setHeader = (name, value) => (name.toLowerCase() === DOWNLOAD_LENGTH_HEADER ? setHeader("content-length", value) : setHeader(name, value));
}
