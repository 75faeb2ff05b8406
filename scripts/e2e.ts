import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildIfStale } from "./build-if-stale.ts";
import { holdCheckoutLock } from "./run-lock.ts";
import { freePort } from "./support/free-port.ts";

const CHROMIUM = "/usr/bin/chromium";

if (!existsSync(CHROMIUM)) {
  console.error(`End-to-end tests need Chromium at ${CHROMIUM}: run \`apt-get install -y chromium\` (browsers cannot be downloaded here).`);
  process.exit(1);
}

await holdCheckoutLock("e2e");
buildIfStale();
const dataDir = mkdtempSync(path.join(tmpdir(), "hearth-e2e-"));
const port = await freePort();
const result = spawnSync("npx", ["--no-install", "playwright", "test", ...process.argv.slice(2)], {
  stdio: "inherit",
  env: { ...process.env, E2E_PORT: String(port), E2E_DATA_DIR: dataDir },
});
rmSync(dataDir, { recursive: true, force: true });
process.exit(result.status ?? 1);
