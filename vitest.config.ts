import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname, "src") } },
  test: {
    environment: "node",
    include: ["src/**/*.test.ts", "scripts/**/*.test.ts"],
    globalSetup: ["src/server/test/template-db.ts"],
    setupFiles: ["src/server/test/setup-db.ts"],
    // bcrypt and SQLite migrations make the first test of a file slower than vitest's 5 s default allows on 2 cores
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
