import { spawn, type ChildProcess } from "node:child_process";
import { parseArgs } from "node:util";
import bcrypt from "bcryptjs";
import { io as connect, type Socket } from "socket.io-client";
import type { ClientToServerEvents, ServerToClientEvents } from "@/server/events";
import { buildIfStale } from "../build-if-stale.ts";
import { holdCheckoutLock } from "../run-lock.ts";
import { callProcedure, freePort, rssMb, signInCookie, startCluster } from "./harness.ts";

/**
 * `npm run bench:sockets [-- --clients 500 --groups 10 --comments 10 --rate 10]`: socket.io
 * clients spread over groups, each with its group's thread open; one person per group posts
 * comments through the tRPC HTTP API, `rate` comments a second in all. Measures the time from a
 * comment being sent to `comment.created` reaching each client of its group (p50/p99, target p99
 * under 100 ms), and each instance's memory. Three runs: a bare socket.io server broadcasting the
 * same way (the baseline: this machine is noisy), every client on one Hearth instance, and the
 * clients of each group split across two instances sharing PostgreSQL and Redis.
 */
const { values: options } = parseArgs({
  options: {
    clients: { type: "string", default: "500" },
    groups: { type: "string", default: "10" },
    comments: { type: "string", default: "10", short: "c" },
    rate: { type: "string", default: "10" },
  },
});
const CLIENTS = Number(options.clients);
const GROUPS = Number(options.groups);
const COMMENTS_PER_GROUP = Number(options.comments);
const COMMENTS_PER_SECOND = Number(options.rate);
const PASSWORD = "benchmark password";
const ADMIN = { email: "bench@example.org", password: PASSWORD };
/** More sign-ins at once would count against the per-address allowance before they succeed. */
const SIGN_IN_CONCURRENCY = 8;
const CONNECT_CONCURRENCY = 50;

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
type Group = { threadId: string; poster: string; members: string[] };

/** Groups, their members and one thread each, written straight to the database. */
async function seed(databaseUrl: string): Promise<Group[]> {
  const { createDb } = await import("@/server/db");
  const db = createDb(databaseUrl);
  // The cheapest bcrypt cost: 500 sign-ins at Hearth's cost would take minutes and measure nothing here.
  const passwordHash = bcrypt.hashSync(PASSWORD, 4);
  const groups: Group[] = [];
  for (let g = 0; g < GROUPS; g++) {
    const group = await db.group.create({ data: { name: `Benchmark group ${g}`, handle: `bench-${g}` }, select: { id: true } });
    const memberCount = Math.floor(CLIENTS / GROUPS) + (g < CLIENTS % GROUPS ? 1 : 0);
    const people = [{ name: `Poster ${g}`, email: `poster${g}@example.org` }].concat(
      Array.from({ length: memberCount }, (_, index) => ({ name: `Member ${g}.${index}`, email: `member${g}.${index}@example.org` })),
    );
    const users = await db.user.createManyAndReturn({ data: people.map((person) => ({ ...person, passwordHash })), select: { id: true, email: true } });
    await db.membership.createMany({ data: users.map(({ id }) => ({ userId: id, groupId: group.id, role: "member" as const })) });
    const thread = await db.thread.create({ data: { groupId: group.id, authorId: users[0]!.id, title: "Live comments", body: "Benchmark thread" }, select: { id: true } });
    groups.push({ threadId: thread.id, poster: people[0]!.email, members: people.slice(1).map(({ email }) => email) });
  }
  await db.$disconnect();
  return groups;
}

/** Runs `work` over `items` with at most `limit` at a time, keeping the order of results. */
async function pool<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await work(items[index]!);
      }
    }),
  );
  return results;
}

/** The baseline: joins thread rooms and broadcasts each posted comment to its room, with no checks and no database. */
const BARE_SERVER = `
import { createServer } from "node:http";
import { Server } from "socket.io";
let seq = 0;
const server = createServer((request, response) => {
  let body = "";
  request.on("data", (chunk) => (body += chunk));
  request.on("end", () => {
    const { threadId, text } = JSON.parse(body);
    const comment = { id: String(++seq), threadId, seq, parentId: null, author: { id: "a", name: "Poster" }, body: text, deleted: false, createdAt: new Date(), editedAt: null, reactions: [] };
    io.to("thread:" + threadId).emit("comment.created", comment);
    response.end(JSON.stringify(comment));
  });
});
const io = new Server(server, { serveClient: false });
io.on("connection", (socket) => {
  socket.on("thread.join", async (threadId, answer) => { await socket.join("thread:" + threadId); answer({ ok: true }); });
});
server.listen(Number(process.env.PORT), "127.0.0.1", () => console.log("ready"));
`;

async function startBareServer(): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--input-type=module", "-e", BARE_SERVER], {
    env: { ...process.env, PORT: String(port) },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve) => child.stdout!.once("data", () => resolve()));
  return { url: `http://127.0.0.1:${port}`, child };
}

function percentile(sorted: number[], fraction: number): number {
  return sorted.length ? Math.round(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))]! * 10) / 10 : NaN;
}

type Setup = {
  /** Which server each member of a group connects to (by its position in the group). */
  socketUrl: (group: number, member: number) => string;
  cookie: (email: string) => string | undefined;
  /** How many instances comments are sent through (each gets one unmeasured comment first). */
  instances: number;
  /** The instance (by number) that a group's comment of a round is sent through. */
  target: (group: number, round: number) => number;
  post: (instance: number, group: number, text: string) => Promise<void>;
  /** The instance a socket URL belongs to, so deliveries can be told apart by whether they crossed instances. */
  instanceOf: (url: string) => number;
  pids: number[];
};

type RunResult = {
  label: string;
  clients: number;
  comments: number;
  expected: number;
  received: number;
  duplicates: number;
  p50: number;
  p99: number;
  max: number;
  across: { count: number; p50: number; p99: number };
  /** Per comment, from the first client receiving it to the last: the fan-out alone, without the write before it. */
  spread: { p50: number; p99: number };
  postP50: number;
  failedPosts: number;
  rss: { idle: number; connected: number; peak: number }[];
};

let marker = 0;

async function run(label: string, groups: Group[], setup: Setup): Promise<RunResult> {
  const rss = setup.pids.map((pid) => ({ idle: rssMb(pid), connected: 0, peak: 0 }));
  const sentAt = new Map<number, { at: number; instance: number }>();
  const latencies: number[] = [];
  const acrossLatencies: number[] = [];
  let duplicates = 0;
  const arrivals = new Map<number, { first: number; last: number }>();
  let lastPresenceAt = performance.now();

  const clients = groups.flatMap((group, g) => group.members.map((email, member) => ({ g, email, url: setup.socketUrl(g, member) })));
  const sockets = await pool(clients, CONNECT_CONCURRENCY, async ({ g, email, url }) => {
    const cookie = setup.cookie(email);
    const socket: ClientSocket = connect(url, { transports: ["websocket"], reconnection: false, extraHeaders: cookie ? { cookie } : {} });
    await new Promise<void>((resolve, reject) => {
      socket.once("connect", () => resolve());
      socket.once("connect_error", reject);
    });
    const instance = setup.instanceOf(url);
    const seen = new Set<number>();
    socket.on("comment.created", ({ threadId, body }) => {
      const arrived = performance.now();
      const id = Number(/\[m(\d+)\]/.exec(body)?.[1]);
      const sent = sentAt.get(id);
      if (!sent || threadId !== groups[g]!.threadId) return;
      if (seen.has(id)) return void (duplicates += 1);
      seen.add(id);
      const span = arrivals.get(id);
      if (span) span.last = arrived;
      else arrivals.set(id, { first: arrived, last: arrived });
      latencies.push(arrived - sent.at);
      if (sent.instance !== instance) acrossLatencies.push(arrived - sent.at);
    });
    socket.on("thread.presence", () => (lastPresenceAt = performance.now()));
    const joined = await socket.timeout(30_000).emitWithAck("thread.join", groups[g]!.threadId);
    if (!joined.ok) throw new Error(`${email} could not join the thread`);
    return socket;
  });
  // Each join tells everyone in the thread who is there: let those announcements settle first.
  while (performance.now() - lastPresenceAt < 1_000) await new Promise((resolve) => setTimeout(resolve, 100));
  setup.pids.forEach((pid, index) => (rss[index]!.connected = rssMb(pid)));
  // An instance's first comment loads the API route's code (hundreds of ms once): start-up, not fan-out.
  for (let instance = 0; instance < setup.instances; instance++) await setup.post(instance, instance % groups.length, "Warm-up comment");

  const sampler = setInterval(() => setup.pids.forEach((pid, index) => (rss[index]!.peak = Math.max(rss[index]!.peak, rssMb(pid)))), 200);
  const postTimes: number[] = [];
  let failedPosts = 0;
  let expected = 0;
  const posts: Promise<void>[] = [];
  const started = performance.now();
  let sent = 0;
  for (let round = 0; round < COMMENTS_PER_GROUP; round++) {
    for (let g = 0; g < groups.length; g++) {
      const due = started + (sent * 1000) / COMMENTS_PER_SECOND;
      sent += 1;
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - performance.now())));
      const id = ++marker;
      const at = performance.now();
      const text = `Comment ${round + 1} in group ${g}, sent while ${clients.length} people watch. [m${id}]`;
      const instance = setup.target(g, round);
      // Recorded before sending: the comment can reach sockets before its sender hears back.
      sentAt.set(id, { at, instance });
      posts.push(
        setup.post(instance, g, text).then(
          () => {
            postTimes.push(performance.now() - at);
            expected += groups[g]!.members.length;
          },
          (error: unknown) => {
            failedPosts += 1;
            console.error(`comment ${id} failed: ${error instanceof Error ? error.message : String(error)}`);
          },
        ),
      );
    }
  }
  await Promise.all(posts);
  const deadline = performance.now() + 10_000;
  while (latencies.length < expected && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  clearInterval(sampler);
  for (const socket of sockets) socket.disconnect();

  latencies.sort((a, b) => a - b);
  acrossLatencies.sort((a, b) => a - b);
  postTimes.sort((a, b) => a - b);
  const spreads = [...arrivals.values()].map(({ first, last }) => last - first).sort((a, b) => a - b);
  return {
    label,
    clients: clients.length,
    comments: sent,
    expected,
    received: latencies.length,
    duplicates,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    max: Math.round(latencies.at(-1) ?? NaN),
    across: { count: acrossLatencies.length, p50: percentile(acrossLatencies, 0.5), p99: percentile(acrossLatencies, 0.99) },
    spread: { p50: percentile(spreads, 0.5), p99: percentile(spreads, 0.99) },
    postP50: percentile(postTimes, 0.5),
    failedPosts,
    rss,
  };
}

async function postThroughHearth(url: string, cookie: string, threadId: string, text: string): Promise<void> {
  const answer = await callProcedure(url, cookie, "comment.create", { threadId, body: text });
  if (!answer.ok) throw new Error(`${answer.code}: ${answer.message}`);
}

await holdCheckoutLock("e2e");
buildIfStale();
const cluster = await startCluster(2, { HEARTH_ADMIN_EMAIL: ADMIN.email, HEARTH_ADMIN_PASSWORD: ADMIN.password });
const results: RunResult[] = [];
try {
  const [a, b] = cluster.instances as [(typeof cluster.instances)[0], (typeof cluster.instances)[0]];
  const groups = await seed(cluster.databaseUrl);
  const emails = groups.flatMap(({ poster, members }) => [poster, ...members]);
  const signInStarted = performance.now();
  const cookieList = await pool(emails, SIGN_IN_CONCURRENCY, (email) => signInCookie(a.url, email, PASSWORD));
  const cookies = new Map(emails.map((email, index) => [email, cookieList[index]!]));
  console.error(`Signed in ${emails.length} people in ${Math.round(performance.now() - signInStarted)} ms.`);

  const bare = await startBareServer();
  try {
    results.push(
      await run("bare socket.io server, one process (baseline: no checks, no database)", groups, {
        socketUrl: () => bare.url,
        cookie: () => undefined,
        instances: 1,
        target: () => 0,
        post: async (_instance, g, text) => {
          const response = await fetch(`${bare.url}/comment`, { method: "POST", body: JSON.stringify({ threadId: groups[g]!.threadId, text }) });
          if (!response.ok) throw new Error(`bare server answered ${response.status}`);
          await response.text();
        },
        instanceOf: () => 0,
        pids: [bare.child.pid!],
      }),
    );
  } finally {
    bare.child.kill();
  }

  const urls = [a.url, b.url];
  const pids = [a.child.pid!, b.child.pid!];
  results.push(
    await run("Hearth, every client on instance A (with Redis)", groups, {
      socketUrl: () => a.url,
      cookie: (email) => cookies.get(email),
      instances: 1,
      target: () => 0,
      post: (_instance, g, text) => postThroughHearth(a.url, cookies.get(groups[g]!.poster)!, groups[g]!.threadId, text),
      instanceOf: () => 0,
      pids,
    }),
  );
  results.push(
    await run("Hearth, each group's clients split over A and B, comments through A and B in turn", groups, {
      socketUrl: (_g, member) => urls[member % 2]!,
      cookie: (email) => cookies.get(email),
      instances: 2,
      target: (g, round) => (g + round) % 2,
      post: (instance, g, text) => postThroughHearth(urls[instance]!, cookies.get(groups[g]!.poster)!, groups[g]!.threadId, text),
      instanceOf: (url) => urls.indexOf(url),
      pids,
    }),
  );
} finally {
  await cluster.stop();
}

const rssText = (rss: RunResult["rss"]) => rss.map(({ idle, connected, peak }) => `${idle} → ${connected} → ${peak}`).join("; ");
console.log(
  `\nbench:sockets on ${new Date().toISOString().slice(0, 10)}: ${CLIENTS} clients in ${GROUPS} groups, ${COMMENTS_PER_GROUP} comments per group at ${COMMENTS_PER_SECOND} a second in all, loopback\n`,
);
console.log("| what | clients | comments | deliveries (received / expected) | p50 ms | p99 ms | max ms | across instances: deliveries, p50, p99 ms | first → last client of a comment, p50 / p99 ms | comment.create answered p50 ms | RSS MB idle → connected → peak (A; B) |");
console.log("|---|---|---|---|---|---|---|---|---|---|---|");
for (const r of results) {
  const across = r.across.count ? `${r.across.count}, ${r.across.p50}, ${r.across.p99}` : "—";
  console.log(
    `| ${r.label} | ${r.clients} | ${r.comments}${r.failedPosts ? ` (${r.failedPosts} failed)` : ""} | ${r.received} / ${r.expected}${r.duplicates ? ` (${r.duplicates} twice)` : ""} | ${r.p50} | ${r.p99} | ${r.max} | ${across} | ${r.spread.p50} / ${r.spread.p99} | ${r.postP50} | ${rssText(r.rss)} |`,
  );
}
const missed = results.some((r) => r.received < r.expected || r.duplicates > 0 || r.failedPosts > 0);
process.exit(missed ? 1 : 0);
