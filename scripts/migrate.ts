import path from "node:path";
import { migrateDatabase } from "@/server/db/migrate";

// Mirrors resolveConfig's default database without its side effects (it creates the auth secret).
const databaseUrl = process.env.DATABASE_URL || `file:${path.join(process.env.HEARTH_DATA_DIR || "./data", "hearth.db")}`;

try {
  const { applied } = await migrateDatabase(databaseUrl);
  if (applied.length === 0) console.log("No pending migrations");
  for (const name of applied) console.log(`Applied ${name}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
