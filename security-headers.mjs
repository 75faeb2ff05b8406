/**
 * Headers every response gets, pages, API and static files alike: next.config.mjs gives them to
 * what Next answers, server.ts to what it answers itself (tRPC). The Content-Security-Policy of
 * pages is made per request in src/proxy.ts (it needs a fresh nonce each time).
 */
export const SECURITY_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/**
 * Only behind TLS (the proxy in front says so with X-Forwarded-Proto: https): over plain http the
 * header would be ignored, and on a LAN address without TLS it must not be sent at all.
 */
export const STRICT_TRANSPORT_SECURITY = { key: "Strict-Transport-Security", value: "max-age=31536000" };
