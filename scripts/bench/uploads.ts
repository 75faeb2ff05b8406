import { spawn, type ChildProcess } from "node:child_process";
import { createHash, randomUUID } from "node:crypto";
import { createWriteStream, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { request as httpRequest, createServer } from "node:http";
import path from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import busboy from "busboy";
import S3rver from "s3rver";
import { buildIfStale } from "../build-if-stale.ts";
import { freePort, signInCookie, startHearth, stopHearth, tempDataDir } from "./harness.ts";

/**
 * `npm run bench:uploads`: 20 concurrent 20 MB uploads to `POST /api/uploads` of the production
 * build, with the server's peak memory, beside a bare Node server (busboy, hashing, writing to
 * disk) taking the same uploads, and Hearth again with its S3 driver (an in-process s3rver).
 * The bar: uploads stream and are never buffered, so the server's memory barely grows while they
 * run (the target is a peak under 300 MB; see docs/benchmarks.md for the idle server).
 */
const UPLOADS = 20;
const UPLOAD_BYTES = 20 * 1024 * 1024;
const RSS_LIMIT_MB = 300;
/** More growth than this while uploading means something holds uploads in memory. */
const MAX_GROWTH_MB = 100;
const ADMIN = { email: "bench@example.org", password: "benchmark password" };
const MiB = 1024 * 1024;

/** The baseline, run as its own process so its memory is measured alone: `uploads.ts --baseline <dir>`. */
function serveBaseline(dir: string) {
  mkdirSync(dir, { recursive: true });
  const server = createServer((request, response) => {
    if (request.method !== "POST") return void response.end();
    const parser = busboy({ headers: request.headers });
    parser.on("file", (_field, stream) => {
      const hash = createHash("sha256");
      const hashing = new Transform({ transform: (chunk: Buffer, _encoding, callback) => (hash.update(chunk), callback(null, chunk)) });
      pipeline(stream, hashing, createWriteStream(path.join(dir, randomUUID()))).then(
        () => response.writeHead(201, { "content-type": "application/json" }).end(JSON.stringify({ sha256: hash.digest("hex") })),
        () => response.writeHead(500).end(),
      );
    });
    request.pipe(parser);
  });
  server.listen(Number(process.env.PORT), "127.0.0.1");
}

/** One filler line repeated: plain content after a PDF header, which passes Hearth's type check. */
function fillerOf(bytes: number): Buffer {
  const line = Buffer.from("Minutes of the steering group, item 4: the budget was discussed and agreed without changes.\n");
  const filler = Buffer.alloc(bytes);
  for (let offset = 0; offset < bytes; offset += line.length) line.copy(filler, offset);
  return filler;
}

type Timed = { ok: boolean; status: number; seconds: number };

/** One multipart upload streamed from shared bytes (a unique first line makes every file different), with a Content-Length as browsers send. */
function upload(url: string, cookie: string | null, index: number, filler: Buffer): Promise<Timed> {
  const boundary = `hearth-bench-${randomUUID()}`;
  const header = Buffer.from(`%PDF-1.4\n% upload ${index} ${randomUUID()}\n`);
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="minutes-${index}.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const body = filler.subarray(0, UPLOAD_BYTES - header.length);
  const parts = function* () {
    yield head;
    yield header;
    for (let offset = 0; offset < body.length; offset += 64 * 1024) yield body.subarray(offset, offset + 64 * 1024);
    yield tail;
  };
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      `${url}/api/uploads`,
      {
        method: "POST",
        headers: {
          "content-type": `multipart/form-data; boundary=${boundary}`,
          "content-length": head.length + header.length + body.length + tail.length,
          ...(cookie ? { cookie } : {}),
        },
      },
      (response) => {
        response.resume();
        response.on("end", () => {
          const status = response.statusCode ?? 0;
          resolve({ ok: status === 201, status, seconds: (performance.now() - started) / 1000 });
        });
      },
    );
    outgoing.on("error", reject);
    Readable.from(parts()).pipe(outgoing);
  });
}

/** Every process in the tree under `pid` (the node actually serving, and anything it started). */
function processTree(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {
      // The process ended while we looked.
    }
  }
  const tree = [pid];
  for (let index = 0; index < tree.length; index++) tree.push(...(children.get(tree[index]!) ?? []));
  return tree;
}

/** VmRSS and VmHWM (the kernel's own peak) of one process, in MiB. */
function memoryOf(pid: number): { rss: number; peak: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const field = (name: string) => Number(status.match(new RegExp(`^${name}:\\s+(\\d+) kB`, "m"))?.[1] ?? 0) / 1024;
    return { rss: field("VmRSS"), peak: field("VmHWM") };
  } catch {
    return { rss: 0, peak: 0 };
  }
}

/** The largest process of the tree: the server itself. */
function serverPid(root: number): number {
  return processTree(root).reduce((largest, pid) => (memoryOf(pid).rss > memoryOf(largest).rss ? pid : largest), root);
}

type Row = { label: string; seconds: number; throughput: number; p50: number; slowest: number; failed: number; idleRss: number; polledPeak: number; hwm: number };

/** 20 uploads at once; RSS polled every 50 ms meanwhile, and the kernel's high-water mark afterwards. */
async function run(label: string, url: string, cookie: string | null, pid: number, filler: Buffer): Promise<Row> {
  await upload(url, cookie, -1, filler.subarray(0, 1024 * 1024));
  const idleRss = memoryOf(pid).rss;
  let polledPeak = idleRss;
  const poll = setInterval(() => (polledPeak = Math.max(polledPeak, memoryOf(pid).rss)), 50);
  const started = performance.now();
  const results = await Promise.all(Array.from({ length: UPLOADS }, (_, index) => upload(url, cookie, index, filler)));
  const seconds = (performance.now() - started) / 1000;
  clearInterval(poll);
  const times = results.map((result) => result.seconds).sort((a, b) => a - b);
  const failed = results.filter((result) => !result.ok);
  if (failed.length) console.error(`${label}: ${failed.length} uploads failed, statuses ${failed.map((result) => result.status).join(", ")}`);
  return {
    label,
    seconds,
    throughput: (UPLOADS * UPLOAD_BYTES) / MiB / seconds,
    p50: times[Math.floor(times.length / 2)]!,
    slowest: times.at(-1)!,
    failed: failed.length,
    idleRss,
    polledPeak,
    hwm: memoryOf(pid).peak,
  };
}

async function startBaselineProcess(dir: string): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", import.meta.filename, "--baseline", dir], {
    env: { ...process.env, PORT: String(port) },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 100; attempt++) {
    if (await fetch(url).then(() => true, () => false)) return { url, child };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("the baseline server did not start");
}

const fixed = (value: number, digits = 1) => value.toFixed(digits);

async function main() {
  buildIfStale();
  const filler = fillerOf(UPLOAD_BYTES);
  const rows: Row[] = [];

  // Each run writes 400 MB: every directory is removed at the end.
  const dirs: string[] = [];
  const newDir = () => (dirs.push(tempDataDir()), dirs.at(-1)!);

  const baseline = await startBaselineProcess(newDir());
  rows.push(await run("bare Node http server: busboy → SHA-256 → disk (baseline)", baseline.url, null, baseline.child.pid!, filler));
  baseline.child.kill();

  const local = await startHearth(newDir(), { HEARTH_ADMIN_EMAIL: ADMIN.email, HEARTH_ADMIN_PASSWORD: ADMIN.password });
  const localCookie = await signInCookie(local.url, ADMIN.email, ADMIN.password);
  rows.push(await run("Hearth `POST /api/uploads`, local disk storage", local.url, localCookie, serverPid(local.child.pid!), filler));
  stopHearth(local.child);

  const s3rver = new S3rver({ port: 0, address: "127.0.0.1", silent: true, directory: newDir(), configureBuckets: [{ name: "hearth-bench" }] });
  const { port } = await s3rver.run();
  const s3 = await startHearth(newDir(), {
    HEARTH_ADMIN_EMAIL: ADMIN.email,
    HEARTH_ADMIN_PASSWORD: ADMIN.password,
    S3_BUCKET: "hearth-bench",
    S3_ENDPOINT: `http://127.0.0.1:${port}`,
    S3_FORCE_PATH_STYLE: "1",
    S3_ACCESS_KEY_ID: "S3RVER",
    S3_SECRET_ACCESS_KEY: "S3RVER",
  });
  const s3Cookie = await signInCookie(s3.url, ADMIN.email, ADMIN.password);
  rows.push(await run("Hearth `POST /api/uploads`, S3 storage (s3rver in the benchmark's process)", s3.url, s3Cookie, serverPid(s3.child.pid!), filler));
  stopHearth(s3.child);
  await s3rver.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });

  console.log(`\nbench:uploads on ${new Date().toISOString().slice(0, 10)}: ${UPLOADS} concurrent uploads of ${UPLOAD_BYTES / MiB} MB each, loopback\n`);
  console.log("| what | total s | MB/s | p50 upload s | slowest s | failed | RSS idle MB | RSS peak (polled) MB | VmHWM MB |");
  console.log("|---|---|---|---|---|---|---|---|---|");
  for (const row of rows) {
    console.log(
      `| ${row.label} | ${fixed(row.seconds)} | ${fixed(row.throughput)} | ${fixed(row.p50)} | ${fixed(row.slowest)} | ${row.failed} | ${fixed(row.idleRss, 0)} | ${fixed(row.polledPeak, 0)} | ${fixed(row.hwm, 0)} |`,
    );
  }
  // The idle server (Next, Prisma's query compiler) is already large; growth while uploading
  // is what shows whether uploads stream or are buffered (20 buffered files would add 400 MB).
  for (const row of rows.slice(1)) {
    const growth = row.polledPeak - row.idleRss;
    console.log(
      `\n${row.label}: peak ${fixed(row.hwm, 0)} MB (${row.hwm < RSS_LIMIT_MB ? "under" : "OVER"} the ${RSS_LIMIT_MB} MB target); ` +
        `${fixed(row.idleRss, 0)} MB idle before the uploads, +${fixed(growth, 0)} MB while ${UPLOADS} uploads ran`,
    );
  }
  const buffering = rows.slice(1).filter((row) => row.polledPeak - row.idleRss > MAX_GROWTH_MB || row.failed > 0);
  if (buffering.length) {
    console.error(`\nUploads failed, or memory grew by more than ${MAX_GROWTH_MB} MB while uploading: ${buffering.map((row) => row.label).join("; ")}`);
    process.exit(1);
  }
  process.exit(0);
}

if (process.argv[2] === "--baseline") serveBaseline(process.argv[3]!);
else await main();
