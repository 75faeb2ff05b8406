import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { buildSync } from "esbuild";
import { SERVE_BUNDLE } from "../src/server/serve-bundle.ts";
import { FILE_TEXT_WORKER_BUNDLE } from "../src/server/search/file-text-reader.ts";

/** Everything that changes what `next build` and the server bundle produce. */
const INPUTS = ["server.ts", "src", "public", "next.config.mjs", "security-headers.mjs", "postcss.config.mjs", "tsconfig.json", "package-lock.json", "prisma/schema.prisma"];
const STAMP = path.join(".next", "hearth-source-hash");

/**
 * server.ts and what it imports from src, bundled into one JavaScript file for `node` (packages
 * stay in node_modules), and beside it the server it starts (src/server/serve.ts, SERVE_BUNDLE).
 * Production runs these instead of tsx: tsx turns on Node's source maps, and Node then keeps the
 * parsed source map of every module it loads, Next's chunks included (about 150 MB of heap; see
 * docs/benchmarks.md, bench:uploads).
 */
export const SERVER_BUNDLE = path.join(".next", "hearth-server.mjs");
const SERVE = path.join(".next", SERVE_BUNDLE);

/** The thread that reads uploaded files' text, bundled beside the server, where src/server/search/file-text-reader.ts looks for it. */
export const FILE_TEXT_WORKER_ENTRY = "src/server/search/file-text-worker.ts";
const FILE_TEXT_WORKER = path.join(".next", FILE_TEXT_WORKER_BUNDLE);

/** One entry and what it imports from src, as one ES module for `node`; packages stay in node_modules. */
export function bundleForNode(entry: string, outfile: string): void {
  buildSync({ entryPoints: [entry], outfile, bundle: true, platform: "node", format: "esm", target: "node20", packages: "external", logLevel: "warning" });
}

function* filesUnder(entry: string): Generator<string> {
  if (!existsSync(entry)) return;
  if (!statSync(entry).isDirectory()) return yield entry;
  for (const name of readdirSync(entry).sort()) {
    if (!name.endsWith(".test.ts")) yield* filesUnder(path.join(entry, name));
  }
}

export function sourceHash(): string {
  const hash = createHash("sha256");
  for (const input of INPUTS) {
    for (const file of filesUnder(input)) hash.update(file).update("\0").update(readFileSync(file)).update("\0");
  }
  return hash.digest("hex");
}

/** Builds the production bundle and the server's bundles when missing or older than the sources; a no-op otherwise. */
export function buildIfStale(): void {
  const current = sourceHash();
  const complete = [path.join(".next", "BUILD_ID"), SERVER_BUNDLE, SERVE, FILE_TEXT_WORKER, STAMP].every((file) => existsSync(file));
  const built = complete ? readFileSync(STAMP, "utf8") : null;
  if (built === current) return;
  console.log(built ? "Sources changed since the last build: rebuilding…" : "Building Hearth for production (first start only)…");
  const result = spawnSync("npx", ["--no-install", "next", "build"], {
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) throw new Error("next build failed; see the output above");
  bundleForNode("server.ts", SERVER_BUNDLE);
  bundleForNode("src/server/serve.ts", SERVE);
  bundleForNode(FILE_TEXT_WORKER_ENTRY, FILE_TEXT_WORKER);
  writeFileSync(STAMP, current);
}
