import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname, "src") } },
  test: {
    environment: "node",
    include: ["src/**/*.test.ts", "scripts/**/*.test.ts"],
    globalSetup: ["src/server/test/template-db.ts"],
    setupFiles: ["src/server/test/setup-db.ts"],
    // Files run one after another in each worker's process instead of each in a fresh one: that
    // saves importing Prisma, tRPC and Next for every file (about 60% of the suite's time on 2
    // cores). setup-db.ts gives each file its own database and puts the environment back after it.
    isolate: false,
    // The suite waits on disk, sockets and bcrypt as much as on the CPU: two workers keep 2 cores busy.
    maxWorkers: 2,
    // Set before any file imports the logger (setup-db.ts imports modules that do).
    env: { LOG_LEVEL: "silent" },
    // bcrypt and SQLite migrations make the first test of a file slower than vitest's 5 s default allows on 2 cores
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
