import { spawn } from "node:child_process";
import { existsSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { writeLoomioExport } from "@/server/imports/loomio/generate-export";
import type { ImportReport } from "@/server/imports/report";
import { tempDataDir } from "./harness.ts";

/**
 * `npm run bench:import`: generates Loomio exports of 25,000 and 100,000 comments (streamed to a
 * temporary file), then times `npm run import:loomio` on each in its own process against a fresh
 * database, with peak RSS from /usr/bin/time: a dry run, the import, and the same file again
 * (everything already imported). The baseline, in the same run, is a bare Node process that only
 * reads the file line by line and parses each line. Memory should not grow with the file.
 */
const ADMIN = "bench@example.org";
const SIZES = [25_000, 100_000];
const TIME = "/usr/bin/time";

type Measured = { seconds: number; peakMb: number; stdout: string };

function measure(args: string[], env: NodeJS.ProcessEnv): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const child = spawn(TIME, ["-f", "TIME %e %M", process.execPath, ...args], { env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      const match = /TIME ([\d.]+) (\d+)\s*$/.exec(stderr);
      if (code !== 0 || !match) return reject(new Error(`${args.join(" ")} failed (${code}):\n${stderr.slice(-2_000)}`));
      resolve({ seconds: Number(match[1]), peakMb: Math.round(Number(match[2]) / 1024), stdout });
    });
  });
}

const BASELINE = `
const lines = require("node:readline").createInterface({ input: require("node:fs").createReadStream(process.argv[1]), crlfDelay: Infinity });
let count = 0;
lines.on("line", (line) => { JSON.parse(line); count += 1; });
lines.on("close", () => console.log(count));
`;

async function prepareDatabase(dataDir: string): Promise<string> {
  const databaseUrl = `file:${path.join(dataDir, "hearth.db")}`;
  const { migrateDatabase } = await import("@/server/db/migrate");
  const { createDb } = await import("@/server/db");
  await migrateDatabase(databaseUrl);
  const db = createDb(databaseUrl);
  await db.user.create({ data: { name: "Benchmark admin", email: ADMIN, passwordHash: "", isAdmin: true } });
  await db.$disconnect();
  return databaseUrl;
}

const total = (counts: Record<string, number>) => Object.values(counts).reduce((sum, n) => sum + n, 0);
const format = (n: number) => n.toLocaleString("en-GB");

async function main() {
  if (!existsSync(TIME)) throw new Error(`${TIME} is needed to measure peak memory (apt-get install time)`);
  const rows: string[] = [];
  for (const comments of SIZES) {
    const dataDir = tempDataDir();
    try {
      const file = path.join(dataDir, "loomio-export.json");
      const generated = await writeLoomioExport(file, comments);
      const megabytes = (generated.bytes / 1_000_000).toFixed(0);
      console.error(`${format(comments)} comments: ${format(generated.lines)} lines, ${megabytes} MB`);
      const env = { ...process.env, DATABASE_URL: await prepareDatabase(dataDir), HEARTH_DATA_DIR: dataDir, LOG_LEVEL: "warn" };
      const label = `${format(comments)} comments (${format(generated.lines)} lines, ${megabytes} MB)`;

      const baseline = await measure(["-e", BASELINE, file], env);
      rows.push(`| ${label}: read and JSON.parse every line (baseline) | ${baseline.seconds.toFixed(1)} | ${baseline.peakMb} | ${format(Number(baseline.stdout.trim()))} lines |`);
      const runs: [string, string[]][] = [
        ["`import:loomio --dry-run`", ["--dry-run"]],
        ["`import:loomio`", []],
        ["`import:loomio` again (all already imported)", []],
      ];
      for (const [name, flags] of comments === SIZES.at(-1) ? runs : runs.slice(1, 2)) {
        const run = await measure(["--import", "tsx", "scripts/import-loomio.ts", file, "--admin", ADMIN, "--json", ...flags], env);
        const report = JSON.parse(run.stdout) as ImportReport;
        const what = `${format(total(report.created))} created, ${format(total(report.matched))} matched, ${format(report.skipped.length)} skipped`;
        rows.push(`| ${label}: ${name} | ${run.seconds.toFixed(1)} | ${run.peakMb} | ${what} |`);
        console.error(rows.at(-1));
      }
      console.error(`database: ${(statSync(path.join(dataDir, "hearth.db")).size / 1_000_000).toFixed(0)} MB`);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  console.log(["| what | wall s | peak RSS MB | records |", "|---|---|---|---|", ...rows].join("\n"));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
