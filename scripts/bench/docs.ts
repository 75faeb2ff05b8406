import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { io as connect } from "socket.io-client";
import { Awareness } from "y-protocols/awareness";
import * as Y from "yjs";
import { DocumentSync, type DocumentSocket } from "@/lib/documents/document-sync";
import { DOCUMENT_FRAGMENT } from "@/lib/documents/extensions";
import { textIn, typeInto } from "@/server/documents/test-editing";
import { buildIfStale } from "../build-if-stale.ts";
import { freePort, signInCookie, startHearth, stopHearth, tempDataDir } from "./harness.ts";

/**
 * `npm run bench:docs`: 20 simulated editors (socket.io-client + Y.Doc each, through the same
 * DocumentSync the browser uses) type into one document at 5 keystrokes a second each for 60 s.
 * Reports the latency from a keystroke leaving its editor to its update reaching each other
 * editor (p50/p99), and the server's CPU and memory, against a bare socket.io relay in the same
 * run that forwards the same messages with no Yjs, no checks and no database.
 */
const EDITORS = 20;
const KEYSTROKES_PER_SECOND = 5;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const ADMIN = { email: "bench@example.org", password: "benchmark password" };
const CLOCK_TICKS = 100;

/** The relay: joins, answers sync with nothing, and forwards every update and awareness message. */
const RELAY = `
import { createServer } from "node:http";
import { Server } from "socket.io";
const server = createServer();
const io = new Server(server, { serveClient: false, maxHttpBufferSize: 1_000_000 });
io.on("connection", (socket) => {
  socket.on("document.join", async (id, answer) => { await socket.join(id); answer({ ok: true, canEdit: true }); });
  socket.on("document.sync", (_id, _message, answer) => answer({ ok: true, replies: [] }));
  socket.on("document.update", (id, update, answer) => { socket.to(id).emit("document.update", { documentId: id, update }); answer({ ok: true, replies: [] }); });
  socket.on("document.awareness", (id, update) => socket.to(id).emit("document.awareness", { documentId: id, update }));
});
server.listen(Number(process.env.PORT), "127.0.0.1", () => console.log("ready"));
`;

async function startRelay(): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--input-type=module", "-e", RELAY], { env: { ...process.env, PORT: String(port) }, stdio: ["ignore", "pipe", "inherit"] });
  await new Promise<void>((resolve) => child.stdout!.once("data", () => resolve()));
  return { url: `http://127.0.0.1:${port}`, child };
}

/** CPU seconds used so far and resident memory of a process, from /proc. */
function sample(pid: number): { cpuSeconds: number; rssMb: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const cpuSeconds = (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  const rss = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return { cpuSeconds, rssMb: Math.round(Number(rss?.[1] ?? 0) / 1024) };
}

/** The server is the process of the tree holding the most memory. */
function serverPid(rootPid: number): number {
  const parents = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      // The process ended while we looked.
    }
  }
  const descendants = [rootPid];
  for (let index = 0; index < descendants.length; index++) {
    for (const [pid, parent] of parents) if (parent === descendants[index]) descendants.push(pid);
  }
  return descendants.reduce((best, pid) => (sample(pid).rssMb > sample(best).rssMb ? pid : best), rootPid);
}

function percentile(sorted: number[], fraction: number): number {
  return sorted.length ? Math.round(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))]! * 10) / 10 : NaN;
}

type RunResult = {
  label: string;
  keystrokes: number;
  deliveries: number;
  p50: number;
  p99: number;
  cpuPercent: number;
  rssBeforeMb: number;
  rssMb: number;
  converged: boolean;
};

/** Connects the editors, lets them type, and measures sender → other editors for every keystroke. */
async function run(label: string, url: string, pid: number, documentId: string, cookies: string[]): Promise<RunResult> {
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  const editors = await Promise.all(
    cookies.map(async (cookie) => {
      const socket = connect(url, { transports: ["websocket"], extraHeaders: { cookie }, reconnection: false }) as DocumentSocket;
      await new Promise<void>((resolve, reject) => {
        socket.once("connect", () => resolve());
        socket.once("connect_error", reject);
      });
      const doc = new Y.Doc();
      const awareness = new Awareness(doc);
      socket.on("document.update", ({ update }) => {
        const arrived = performance.now();
        for (const struct of Y.decodeUpdate(new Uint8Array(update)).structs) {
          const sent = sentAt.get(`${struct.id.client}:${struct.id.clock}`);
          if (sent !== undefined) latencies.push(arrived - sent);
        }
      });
      const sync = new DocumentSync(socket, documentId, doc, awareness);
      sync.start();
      while (sync.current.status !== "saved") await new Promise((resolve) => setTimeout(resolve, 20));
      return { socket, doc, awareness, sync };
    }),
  );

  // Everyone types into one paragraph, as in the editor (the server refuses text elsewhere); it exists before anyone types.
  typeInto(editors[0]!.doc, 0, "");
  while (editors.some(({ doc }) => doc.getXmlFragment(DOCUMENT_FRAGMENT).length === 0)) await new Promise((resolve) => setTimeout(resolve, 20));

  const before = sample(pid);
  let keystrokes = 0;
  const started = performance.now();
  const timers = editors.map(({ doc }, index) =>
    setTimeout(() => {
      const timer = setInterval(() => {
        const at = Math.floor(Math.random() * (textIn(doc).length + 1));
        sentAt.set(`${doc.clientID}:${Y.getState(doc.store, doc.clientID)}`, performance.now());
        typeInto(doc, at, String.fromCharCode(97 + (keystrokes % 26)));
        keystrokes += 1;
      }, 1000 / KEYSTROKES_PER_SECOND);
      timers[index] = timer;
    }, (index * 1000) / KEYSTROKES_PER_SECOND / EDITORS),
  );
  await new Promise((resolve) => setTimeout(resolve, SECONDS * 1000));
  for (const timer of timers) clearInterval(timer);
  const elapsed = (performance.now() - started) / 1000;
  const after = sample(pid);

  // Give the last updates time to arrive, then check that every editor holds the same text.
  const deadline = Date.now() + 10_000;
  const texts = () => new Set(editors.map(({ doc }) => textIn(doc)));
  while (texts().size > 1 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  const converged = texts().size === 1 && textIn(editors[0]!.doc).length === keystrokes;
  for (const { socket, sync, awareness, doc } of editors) {
    sync.stop();
    socket.disconnect();
    awareness.destroy();
    doc.destroy();
  }
  latencies.sort((a, b) => a - b);
  return {
    label,
    keystrokes,
    deliveries: latencies.length,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    cpuPercent: Math.round(((after.cpuSeconds - before.cpuSeconds) / elapsed) * 1000) / 10,
    rssBeforeMb: before.rssMb,
    rssMb: after.rssMb,
    converged,
  };
}

async function seed(databaseUrl: string): Promise<{ documentId: string; emails: string[] }> {
  process.env.DATABASE_URL = databaseUrl;
  const { getDb } = await import("@/server/db");
  const { hashPassword } = await import("@/server/users/password");
  const db = getDb();
  const admin = await db.user.findUniqueOrThrow({ where: { email: ADMIN.email }, select: { id: true } });
  const group = await db.group.create({ data: { name: "Benchmark group", handle: "bench" }, select: { id: true } });
  await db.membership.create({ data: { userId: admin.id, groupId: group.id, role: "admin" } });
  const passwordHash = await hashPassword(ADMIN.password);
  const emails: string[] = [];
  for (let index = 1; index < EDITORS; index++) {
    const email = `editor${index}@example.org`;
    const user = await db.user.create({ data: { name: `Editor ${index}`, email, passwordHash }, select: { id: true } });
    await db.membership.create({ data: { userId: user.id, groupId: group.id, role: "member" } });
    emails.push(email);
  }
  const document = await db.document.create({ data: { groupId: group.id, title: "Vision (benchmark)", createdById: admin.id }, select: { id: true } });
  const stored = { documentId: document.id, emails: [ADMIN.email, ...emails] };
  await db.$disconnect();
  return stored;
}

buildIfStale();
const dataDir = tempDataDir();
const hearth = await startHearth(dataDir, { HEARTH_ADMIN_EMAIL: ADMIN.email, HEARTH_ADMIN_PASSWORD: ADMIN.password });
const results: RunResult[] = [];
try {
  const { documentId, emails } = await seed(`file:${path.join(dataDir, "hearth.db")}`);
  const cookies = await Promise.all(emails.map((email) => signInCookie(hearth.url, email, ADMIN.password)));
  const relay = await startRelay();
  try {
    results.push(await run("bare socket.io relay (baseline: no Yjs, no checks, no database)", relay.url, relay.child.pid!, "bench", cookies));
  } finally {
    relay.child.kill();
  }
  results.push(await run("Hearth document room (check, store, apply, relay)", hearth.url, serverPid(hearth.child.pid!), documentId, cookies));
} finally {
  stopHearth(hearth.child);
}

console.log(
  `\nbench:docs on ${new Date().toISOString().slice(0, 10)}: ${EDITORS} editors × ${KEYSTROKES_PER_SECOND} keystrokes/s for ${SECONDS} s, one document, loopback\n`,
);
console.log("| server | keystrokes | deliveries | p50 ms | p99 ms | server CPU % of one core | server RSS MB before → after | converged |");
console.log("|---|---|---|---|---|---|---|---|");
for (const r of results) {
  console.log(`| ${r.label} | ${r.keystrokes} | ${r.deliveries} | ${r.p50} | ${r.p99} | ${r.cpuPercent} | ${r.rssBeforeMb} → ${r.rssMb} | ${r.converged ? "yes" : "NO"} |`);
}
process.exit(0);
