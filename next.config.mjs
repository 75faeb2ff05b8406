/**
 * Sent with every response, pages, API and static files alike. The Content-Security-Policy of pages
 * is made per request in src/proxy.ts (it needs a fresh nonce each time).
 */
const SECURITY_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/**
 * JavaScript rather than TypeScript: Next compiles a next.config.ts with its native SWC binding at
 * every start, and that 100 MB library then stays mapped in the production server (about 30 MB
 * of resident memory; see docs/benchmarks.md, bench:uploads).
 * @type {import("next").NextConfig}
 */
const nextConfig = {
  // Native and engine packages are loaded by Node at run time rather than bundled. Yjs too: the
  // socket server (outside Next) loads it from node_modules, and a second bundled copy would
  // break its constructor checks.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "pino", "bcryptjs", "yjs", "ioredis"],
  poweredByHeader: false,
  // `npm run typecheck` checks types in CI; skipping it here halves the build `npm start` runs.
  typescript: { ignoreBuildErrors: true },
  turbopack: { root: import.meta.dirname },
  async headers() {
    return [
      { source: "/:path*", headers: SECURITY_HEADERS },
      // Only behind TLS (the proxy in front says so): over plain http the header would be ignored,
      // and on a LAN address without TLS it must not be sent at all.
      {
        source: "/:path*",
        has: [{ type: "header", key: "x-forwarded-proto", value: "https" }],
        headers: [{ key: "Strict-Transport-Security", value: "max-age=31536000" }],
      },
    ];
  },
};

export default nextConfig;
