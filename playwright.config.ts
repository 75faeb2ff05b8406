import { defineConfig } from "@playwright/test";

/** scripts/e2e.ts picks a free port and a temporary data directory, and builds first. */
const port = Number(process.env.E2E_PORT ?? 3100);
const dataDir = process.env.E2E_DATA_DIR ?? "./data/e2e";
const baseURL = `http://localhost:${port}`;

export default defineConfig({
  testDir: "./e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [["list"]],
  // Journeys that open several browsers, documents or uploads call test.slow() (three times this
  // budget): on a busy 2-core machine they take twice as long as on an idle one. Waits are on
  // conditions, never on time, so generous limits cost nothing when the product is right.
  timeout: 30_000,
  expect: { timeout: 15_000 },
  use: {
    baseURL,
    // Recording a trace took a quarter of the suite's time on a 2-core machine; a failure still
    // leaves its screenshot and the page's accessibility snapshot. E2E_TRACE=1 records traces.
    trace: process.env.E2E_TRACE ? "retain-on-failure" : "off",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [
    { name: "first-run", testMatch: "first-run.spec.ts" },
    { name: "signed-in", testIgnore: ["first-run.spec.ts", "screenshots.spec.ts", "cluster.spec.ts", "processes.spec.ts"], dependencies: ["first-run"] },
  ],
  webServer: {
    // The server bundle `npm start` runs; scripts/e2e.ts builds it first.
    command: "node .next/hearth-server.mjs",
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: "pipe",
    env: {
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "localhost",
      HEARTH_DATA_DIR: dataDir,
      HEARTH_DEMO: "0",
      LOG_LEVEL: "warn",
    },
  },
});
