import { defineConfig } from "@playwright/test";
import base from "./playwright.config";

/** `npm run screenshots`: the README's pictures, taken from a demo instance. */
export default defineConfig({
  ...base,
  projects: [{ name: "screenshots", testMatch: "screenshots.spec.ts" }],
  webServer: { ...base.webServer!, env: { ...(base.webServer as { env: Record<string, string> }).env, HEARTH_DEMO: "1" } },
});
