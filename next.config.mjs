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
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "pino", "bcryptjs", "yjs"],
  poweredByHeader: false,
  // `npm run typecheck` checks types in CI; skipping it here halves the build `npm start` runs.
  typescript: { ignoreBuildErrors: true },
  turbopack: { root: import.meta.dirname },
};

export default nextConfig;
