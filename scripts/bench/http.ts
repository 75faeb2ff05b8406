import { rmSync } from "node:fs";
import { loadavg } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import bcrypt from "bcryptjs";
import { buildIfStale } from "../build-if-stale.ts";
import { holdCheckoutLock } from "../run-lock.ts";
import {
  callProcedure,
  formatTable,
  load,
  groupRssMb,
  signInCookie,
  startBaselineFor,
  startHearth,
  startPostgresDatabase,
  stopHearthAndWait,
  tempDataDir,
  trpcQueryUrl,
  waitForIdle,
  type LoadResult,
} from "./harness.ts";
import { startTemporaryRedis } from "../support/temporary-redis.ts";
import { commentBody, paragraph, TITLES } from "./thread-text.ts";

/**
 * `npm run bench:http [-- --seconds 10] [-- --connections 50,200] [-- --postgres]`: issue #17's
 * measurement. The production build on a fresh data directory (or a throwaway PostgreSQL server),
 * seeded through the tRPC API as people use it: a group of 14, 30 threads, one with 50 comments
 * and a proposal with 12 votes, and the notifications all that sends. Signed in as a member, each
 * read is loaded for `seconds` at each number of `connections`: `thread.list`, `comment.list`,
 * `poll.results`, `notification.unreadCount`, `GET /api/health`, the sign-in page and the thread page. Right before
 * each, a bare Node http server answering the same bytes is loaded the same way (the machine is
 * noisy: compare within a run). Reports requests/s, latency percentiles, failures, the share of
 * the bare server's requests/s, and the server's memory. `--only <words>` loads only the reads whose
 * label holds them (e.g. `--only "thread page"`); `--profile <dir>` writes the server's CPU profile
 * there when it stops (read it with `npm run bench:profile -- <dir>`); `--node-options=<flags>`
 * starts the server's node with those flags (e.g. V8's heap sizes), to compare them.
 * `--processes <n>` runs the server as n processes sharing its port (HEARTH_PROCESSES) and a
 * throwaway Redis; memory is then all of them together.
 */
const { values: options } = parseArgs({
  options: {
    seconds: { type: "string", default: "10" },
    connections: { type: "string", default: "50" },
    postgres: { type: "boolean", default: false },
    processes: { type: "string", default: "1" },
    only: { type: "string" },
    profile: { type: "string" },
    "node-options": { type: "string" },
  },
});
const SECONDS = Number(options.seconds);
const PROCESSES = Number(options.processes);
if (!(Number.isInteger(PROCESSES) && PROCESSES >= 1)) throw new Error("--processes takes a whole number, e.g. --processes 2");
const POSTGRES = options.postgres;
const CONNECTIONS = options.connections.split(",").map(Number);
if (!(SECONDS > 0)) throw new Error("--seconds takes a positive number, e.g. --seconds 10");
if (!CONNECTIONS.every((count) => Number.isInteger(count) && count > 0)) throw new Error("--connections takes whole numbers, e.g. --connections 50,200");

const PASSWORD = "benchmark password";
const ADMIN = { email: "bench@example.org", password: PASSWORD };
/**
 * The person every read is made as: a plain member who started the long thread and has read none
 * of its comments (commenting would mark them read, and the page opens at the first unread one).
 */
const VIEWER = { name: "Mo Member", email: "mo@bench.example" };
const OTHERS = ["Ada Novak", "Ben Haddad", "Chidi Okafor", "Dana Rossi", "Elif Jensen", "Farah Ali", "Gus Dubois", "Hana Müller", "Ivo Garcia", "Jun Nguyen", "Kemi Smith", "Lars Kowalski"];
const OTHER_THREADS = 29;
const COMMENTS = 50;
/** Every fifth comment answers the top-level comment before it, so the first page (50 top-level) holds all 50. */
const REPLY_EVERY = 5;

type Person = { id: string; email: string; cookie: string };

/** A tRPC mutation as the browser sends it; fails the run with the answer's message if refused. */
async function mutate<T>(url: string, person: Person, procedure: string, input: unknown): Promise<T> {
  const answer = await callProcedure<T>(url, person.cookie, procedure, input);
  if (!answer.ok) throw new Error(`${procedure} as ${person.email}: ${answer.code} ${answer.message}`);
  return answer.data;
}

async function query<T>(url: string, person: Person, procedure: string, input?: unknown): Promise<T> {
  const response = await fetch(trpcQueryUrl(url, procedure, input), { headers: { cookie: person.cookie } });
  const body = (await response.json()) as { result?: { data: { json: T } } };
  if (!response.ok || !body.result) throw new Error(`${procedure} answered ${response.status}: ${JSON.stringify(body).slice(0, 300)}`);
  return body.result.data.json;
}

/**
 * People and memberships straight into the database (there is no API for making accounts without
 * email); everything else through the API, so the notifications are the ones Hearth sends.
 */
async function seed(url: string, databaseUrl: string) {
  const { createDb } = await import("@/server/db");
  const db = createDb(databaseUrl);
  // The cheapest bcrypt cost: signing in is not what this measures.
  const passwordHash = bcrypt.hashSync(PASSWORD, 4);
  const people = [VIEWER, ...OTHERS.map((name) => ({ name, email: `${name.split(" ")[0]!.toLowerCase()}@bench.example` }))];
  const users = await db.user.createManyAndReturn({ data: people.map((person) => ({ ...person, passwordHash })), select: { id: true, email: true } });
  const adminUser = await db.user.findUniqueOrThrow({ where: { email: ADMIN.email }, select: { id: true } });

  const admin: Person = { id: adminUser.id, email: ADMIN.email, cookie: await signInCookie(url, ADMIN.email, ADMIN.password) };
  const group = await mutate<{ id: string }>(url, admin, "group.create", { name: "Steering group", handle: "steering" });
  await db.membership.createMany({ data: users.map(({ id }) => ({ userId: id, groupId: group.id, role: "member" as const })) });
  await db.$disconnect();

  const signedIn: Person[] = [];
  for (const { id, email } of users) signedIn.push({ id, email, cookie: await signInCookie(url, email, PASSWORD) });
  const [viewer, ...others] = signedIn as [Person, ...Person[]];
  const other = (index: number) => others[index % others.length]!;

  // Older threads first, each with a couple of comments; the long one last, so it leads the list.
  for (let index = 0; index < OTHER_THREADS; index++) {
    const thread = await mutate<{ id: string }>(url, other(index), "thread.create", { groupId: group.id, title: `${TITLES[index % TITLES.length]!} (${index + 1})`, body: commentBody(index) });
    for (let comment = 1; comment <= 2; comment++) await mutate(url, other(index + comment), "comment.create", { threadId: thread.id, body: commentBody(index + comment) });
  }
  const thread = await mutate<{ id: string }>(url, viewer, "thread.create", { groupId: group.id, title: "Saturday market: what we need before March", body: commentBody(0) });
  let topLevel: string | undefined;
  for (let index = 1; index <= COMMENTS; index++) {
    const mention = index % 9 === 0 ? `[@${VIEWER.name}](mention:${viewer.id}) ` : "";
    const parentId = index % REPLY_EVERY === 0 ? topLevel : undefined;
    const comment = await mutate<{ id: string }>(url, other(index), "comment.create", { threadId: thread.id, body: `${mention}Comment ${index}. ${commentBody(index)}`, parentId });
    if (!parentId) topLevel = comment.id;
  }

  const poll = await mutate<{ id: string }>(url, admin, "poll.create", {
    groupId: group.id,
    threadId: thread.id,
    kind: "proposal",
    title: "Run the market every second Saturday from March",
    details: paragraph(1),
    closingAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
  });
  const { options: pollOptions } = await query<{ options: { id: string; name: string }[] }>(url, admin, "poll.byId", { id: poll.id });
  for (const [index, voter] of [viewer, ...others.slice(0, 11)].entries()) {
    const option = pollOptions[[0, 0, 0, 1, 0, 2][index % 6]!]!;
    await mutate(url, voter, "poll.vote", { pollId: poll.id, choices: [{ optionId: option.id }], reason: index % 2 ? paragraph(index) : undefined });
  }
  const unread = await query<number>(url, viewer, "notification.unreadCount");
  if (!(unread > 0)) throw new Error(`the viewer has ${JSON.stringify(unread)} unread notifications`);
  return { viewer, groupId: group.id, threadId: thread.id, pollId: poll.id, unread };
}

await holdCheckoutLock("e2e");
buildIfStale();
const dataDir = tempDataDir();
const postgres = POSTGRES ? await startPostgresDatabase() : null;
const redis = PROCESSES > 1 ? await startTemporaryRedis() : null;
const databaseUrl = postgres?.databaseUrl ?? `file:${path.join(dataDir, "hearth.db")}`;
let server: Awaited<ReturnType<typeof startHearth>> | null = null;
/** Stops the server and waits for it, then PostgreSQL, and removes the data directory. */
const cleanUp = async () => {
  if (server) await stopHearthAndWait(server.child);
  postgres?.stop();
  await redis?.stop();
  rmSync(dataDir, { recursive: true, force: true });
};
// Stopped from outside: the server, PostgreSQL and the files go too.
for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => void cleanUp().finally(() => process.exit(1)));

type Row = LoadResult & { bytes: number; bare: LoadResult; rssBefore: number; rssAfter: number };
const rows: Row[] = [];
const memory = { seeded: 0, peak: 0, end: 0 };
let loadAverage = "";
let unread = 0;
try {
  server = await startHearth(
    dataDir,
    {
      HEARTH_ADMIN_EMAIL: ADMIN.email,
      HEARTH_ADMIN_PASSWORD: ADMIN.password,
      ...(postgres && { DATABASE_URL: databaseUrl }),
      ...(redis && { REDIS_URL: redis.url, HEARTH_PROCESSES: String(PROCESSES) }),
    },
    [
      ...(options.profile ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(options.profile)}`] : []),
      ...(options["node-options"]?.split(/\s+/).filter(Boolean) ?? []),
    ],
  );
  const { url, child } = server;
  const pid = child.pid!;
  const seeded = await seed(url, databaseUrl);
  unread = seeded.unread;
  const cookie = seeded.viewer.cookie;
  const allTargets = [
    { label: "`thread.list`, first page (25 of 30 threads)", url: trpcQueryUrl(url, "thread.list", { groupId: seeded.groupId }), cookie },
    { label: `\`comment.list\`, first page (${COMMENTS} comments)`, url: trpcQueryUrl(url, "comment.list", { threadId: seeded.threadId }), cookie },
    { label: "`poll.results`, a proposal with 12 votes", url: trpcQueryUrl(url, "poll.results", { pollId: seeded.pollId }), cookie },
    { label: "`notification.unreadCount`", url: trpcQueryUrl(url, "notification.unreadCount"), cookie },
    { label: "`GET /api/health` (not signed in)", url: `${url}/api/health`, cookie: null },
    // The smallest page (no database read, no shell): what any page costs here before its own work.
    { label: "sign-in page `/signin` (not signed in)", url: `${url}/signin`, cookie: null },
    { label: `thread page \`/threads/:id\` (${COMMENTS} comments, server-rendered)`, url: `${url}/threads/${seeded.threadId}`, cookie },
  ];
  const targets = allTargets.filter((target) => !options.only || target.label.includes(options.only!));
  if (targets.length === 0) throw new Error(`--only "${options.only}" matches none of: ${allTargets.map((target) => target.label).join("; ")}`);
  await waitForIdle(pid);
  memory.seeded = groupRssMb(pid);
  loadAverage = loadavg()[0]!.toFixed(1);
  const sampler = setInterval(() => (memory.peak = Math.max(memory.peak, groupRssMb(pid))), 200);
  for (const connections of CONNECTIONS) {
    for (const target of targets) {
      const { body, baseline } = await startBaselineFor(target.url, target.cookie);
      if (target.label.startsWith("thread page") && !body.includes(`Comment ${COMMENTS}.`)) throw new Error(`the thread page does not hold all ${COMMENTS} comments`);
      const bare = await load("bare", baseline.url, null, connections, SECONDS);
      baseline.close();
      const rssBefore = groupRssMb(pid);
      const result = await load(`${target.label}, ${connections} connections`, target.url, target.cookie, connections, SECONDS);
      await waitForIdle(pid);
      rows.push({ ...result, bytes: Buffer.byteLength(body), bare, rssBefore, rssAfter: groupRssMb(pid) });
    }
  }
  clearInterval(sampler);
  memory.end = groupRssMb(pid);
} finally {
  await cleanUp();
}

const share = (row: Row) => `${((100 * row.requestsPerSecond) / row.bare.requestsPerSecond).toFixed(1)} %`;
console.log(
  `\nbench:http on ${new Date().toISOString().slice(0, 10)}, ${POSTGRES ? "PostgreSQL" : "SQLite"}${PROCESSES > 1 ? ` and Redis, ${PROCESSES} processes` : ""}, ${SECONDS} s per row, loopback, ` +
    `signed in as a member with ${unread} unread notifications; load average ${loadAverage} before the first row\n`,
);
console.log(
  formatTable(rows, [
    { heading: "of them timeouts (10 s)", cell: (result) => result.timeouts },
    { heading: "bytes", cell: (_result, index) => rows[index]!.bytes },
    { heading: "bare server req/s", cell: (_result, index) => rows[index]!.bare.requestsPerSecond },
    { heading: "bare p95 ms", cell: (_result, index) => rows[index]!.bare.p95 },
    { heading: "of bare req/s", cell: (_result, index) => share(rows[index]!) },
    { heading: "server RSS MB before → after", cell: (_result, index) => `${rows[index]!.rssBefore} → ${rows[index]!.rssAfter}` },
  ]),
);
console.log(`\nServer RSS: ${memory.seeded} MB after seeding, ${memory.peak} MB at most under load, ${memory.end} MB at the end.`);
process.exit(0);
