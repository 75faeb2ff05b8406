import { isSupervisor, superviseProcesses } from "@/server/cluster/processes";
import { resolveConfig } from "@/server/config";
import { SERVE_BUNDLE } from "@/server/serve-bundle";

/**
 * What `npm start` runs: Hearth's server (src/server/serve.ts) in this process, or, with
 * HEARTH_PROCESSES above 1, that many processes running it while this one only watches them.
 * This file imports nothing heavy, so the watching process stays small; the server is its own
 * bundle beside this one in production (scripts/build-if-stale.ts) and its source under tsx.
 */
const serve = new URL(import.meta.url.endsWith(".ts") ? "./src/server/serve.ts" : `./${SERVE_BUNDLE}`, import.meta.url);

try {
  const { processes } = resolveConfig();
  if (isSupervisor(processes)) superviseProcesses(processes, serve);
  else await import(serve.href);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
