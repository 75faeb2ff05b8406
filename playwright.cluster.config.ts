import { defineConfig } from "@playwright/test";
import base from "./playwright.config";

/**
 * `npm run test:cluster`: two production instances sharing PostgreSQL, Redis and a data
 * directory, started by the journey itself (e2e/cluster.spec.ts), with people on each.
 */
export default defineConfig({
  ...base,
  projects: [{ name: "cluster", testMatch: "cluster.spec.ts" }],
  webServer: undefined,
});
