import { defineConfig } from "@playwright/test";
import base from "./playwright.config";

/**
 * `npm run test:cluster`: two production instances sharing PostgreSQL, Redis and a data
 * directory (e2e/cluster.spec.ts), and one instance of two processes sharing a SQLite file and
 * Redis (e2e/processes.spec.ts), each started by the journey itself, with people on each.
 */
export default defineConfig({
  ...base,
  projects: [{ name: "cluster", testMatch: ["cluster.spec.ts", "processes.spec.ts"] }],
  webServer: undefined,
});
