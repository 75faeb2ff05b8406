import { defineConfig } from "prisma/config";

/**
 * Used by the Prisma CLI only (generate). Migrations run through src/server/db/schema-engine.ts,
 * because the CLI's native migrate engine cannot be downloaded on these machines.
 */
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
