import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

/** Everything that changes what `next build` produces. */
const INPUTS = ["src", "public", "next.config.ts", "postcss.config.mjs", "tsconfig.json", "package-lock.json", "prisma/schema.prisma"];
const STAMP = path.join(".next", "hearth-source-hash");

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

/** Builds the production bundle when it is missing or older than the sources; a no-op otherwise. */
export function buildIfStale(): void {
  const current = sourceHash();
  const built = existsSync(path.join(".next", "BUILD_ID")) && existsSync(STAMP) ? readFileSync(STAMP, "utf8") : null;
  if (built === current) return;
  console.log(built ? "Sources changed since the last build: rebuilding…" : "Building Hearth for production (first start only)…");
  const result = spawnSync("npx", ["--no-install", "next", "build"], {
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) throw new Error("next build failed; see the output above");
  writeFileSync(STAMP, current);
}
