// Runs `prisma generate` without network access: Prisma's CLI insists on locating a native
// schema-engine binary even though generation never uses it, so point it at any existing file.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

if (!existsSync("prisma/schema.prisma")) process.exit(0);

const env = { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.execPath, PRISMA_HIDE_UPDATE_MESSAGE: "1" };
// One client per provider: Prisma 7 compiles queries for one SQL dialect per generated client.
for (const schema of ["prisma/schema.prisma", "prisma/postgres/schema.prisma"]) {
  const result = spawnSync("npx", ["--no-install", "prisma", "generate", "--schema", schema], { stdio: "inherit", env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
