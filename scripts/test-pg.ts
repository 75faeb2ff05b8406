import { spawnSync } from "node:child_process";
import { startTemporaryPostgres } from "./support/temporary-postgres.ts";

// `npm run test:pg [-- vitest arguments]`: the integration suite against a real PostgreSQL server,
// started here on a free port in a temporary directory and removed afterwards.
const postgres = await startTemporaryPostgres();
// Stopped from outside (CI ending early): the server and its files go too.
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    postgres.stop();
    process.exit(1);
  });
}
let status = 1;
try {
  const result = spawnSync("npx", ["--no-install", "vitest", "run", ...process.argv.slice(2)], {
    stdio: "inherit",
    env: { ...process.env, HEARTH_TEST_POSTGRES_URL: postgres.adminUrl },
  });
  status = result.status ?? 1;
} finally {
  postgres.stop();
}
process.exit(status);
