import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { availableParallelism, loadavg } from "node:os";
import { buildIfStale } from "./build-if-stale.ts";

/**
 * `npm run test:e2e:stress`: the Playwright suite on a busy machine. One CPU burner per core
 * keeps every core at 100 % while the suite runs STRESS_RUNS times (default 3) in a row; it
 * passes only if every run passes. The build happens first, unburdened, as `npm test` would.
 */
const runs = Number(process.env.STRESS_RUNS ?? 3);
const burnerCount = Number(process.env.STRESS_BURNERS ?? availableParallelism());
if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(burnerCount) || burnerCount < 0) {
  console.error("STRESS_RUNS must be a whole number of at least 1, STRESS_BURNERS a whole number of at least 0.");
  process.exit(2);
}

buildIfStale();

const burners: ChildProcess[] = [];
const stopBurners = () => {
  for (const burner of burners) burner.kill("SIGKILL");
};
process.on("exit", stopBurners);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    stopBurners();
    process.exit(130);
  });
}
// Each burner also stops by itself once this script is gone (its parent changes), however it ended.
const burn = `for (let n = 0; ; n++) if ((n & 0xffffff) === 0 && process.ppid !== ${process.pid}) process.exit(0);`;
for (let n = 0; n < burnerCount; n++) {
  burners.push(spawn(process.execPath, ["-e", burn], { stdio: "ignore" }));
}

const results: { run: number; passed: boolean; seconds: number; load: string }[] = [];
for (let run = 1; run <= runs; run++) {
  console.log(`\n=== Stress run ${run} of ${runs}, with ${burnerCount} CPU burners ===`);
  const started = performance.now();
  const result = spawnSync("npx", ["--no-install", "tsx", "scripts/e2e.ts", ...process.argv.slice(2)], { stdio: "inherit" });
  const seconds = Math.round((performance.now() - started) / 1000);
  results.push({ run, passed: result.status === 0, seconds, load: loadavg()[0]!.toFixed(1) });
}
stopBurners();

console.log(`\nPlaywright suite under ${burnerCount} CPU burners:`);
for (const { run, passed, seconds, load } of results) {
  console.log(`  run ${run}: ${passed ? "passed" : "FAILED"} in ${seconds} s (load average ${load} at the end)`);
}
const failed = results.filter((result) => !result.passed).length;
console.log(`${runs - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
