import { SECURITY_HEADERS, STRICT_TRANSPORT_SECURITY } from "./security-headers.mjs";

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
  // Metadata resolves before the page is sent, for every visitor: streamed metadata could call
  // notFound() after a 200 had gone out, so a deleted or hidden page answered 200 now and then.
  // Every page loads the same data for its body anyway, so nothing waits longer.
  htmlLimitedBots: /.*/,
  // `npm run typecheck` checks types in CI; skipping it here halves the build `npm start` runs.
  typescript: { ignoreBuildErrors: true },
  turbopack: { root: import.meta.dirname },
  async headers() {
    return [
      { source: "/:path*", headers: SECURITY_HEADERS },
      {
        source: "/:path*",
        has: [{ type: "header", key: "x-forwarded-proto", value: "https" }],
        headers: [STRICT_TRANSPORT_SECURITY],
      },
    ];
  },
};

export default nextConfig;
