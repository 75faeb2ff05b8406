/**
 * The Content-Security-Policy of Hearth's pages, made per request with a fresh nonce (src/proxy.ts).
 * Scripts run only when they carry the nonce (Next adds it to its own scripts while rendering)
 * or are loaded by such a script ('strict-dynamic': page chunks, pdf.js, Tiptap). Styles may be
 * inline, because React, Radix, Tiptap and pdf.js set style attributes; injected styles cannot
 * run code. Images stay on this site (no tracking pixels in comments); sockets and workers too.
 */
export function contentSecurityPolicy(options: { nonce: string; host: string | null; https: boolean; dev: boolean }): string {
  // A Host header is only echoed into the policy when it looks like one.
  const host = options.host && /^[a-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-f:.]+\](:\d{1,5})?$/i.test(options.host) ? options.host : null;
  const sockets = host ? ` ${options.https ? "wss" : "ws"}://${host}` : "";
  return [
    "default-src 'self'",
    // Next's development build evaluates code for its error overlay; production never does.
    `script-src 'self' 'nonce-${options.nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self' data:",
    `connect-src 'self'${sockets}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** A nonce: 128 random bits, base64, new for every page request. */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}

/** Whether the path holds a broken percent-escape, which no page or route can read. */
export function hasBrokenEscape(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}
