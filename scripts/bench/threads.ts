import path from "node:path";
import { buildIfStale } from "../build-if-stale.ts";
import { formatTable, load, signInCookie, startBaselineFor, startHearth, stopHearth, tempDataDir, trpcQueryUrl, type LoadResult } from "./harness.ts";

/**
 * `npm run bench:threads`: a group with 100 threads, one of them 2,000 comments long, served by
 * the production build; 200 concurrent connections against the thread page and comment.list,
 * beside a bare Node server answering the same bytes; and the SQL queries per request for a
 * short and a long thread (they must not differ).
 */
const ADMIN = { email: "bench@example.org", password: "benchmark password" };
const LONG_THREAD_COMMENTS = 2_000;
const THREADS = 100;

async function seed(databaseUrl: string) {
  process.env.DATABASE_URL = databaseUrl;
  const { getDb } = await import("@/server/db");
  const db = getDb();
  const admin = await db.user.findUniqueOrThrow({ where: { email: ADMIN.email }, select: { id: true } });
  const group = await db.group.create({ data: { name: "Benchmark group", handle: "bench" }, select: { id: true } });
  await db.membership.create({ data: { userId: admin.id, groupId: group.id, role: "admin" } });
  const threadIds: string[] = [];
  for (let index = 0; index < THREADS; index++) {
    const thread = await db.thread.create({ data: { groupId: group.id, authorId: admin.id, title: `Thread ${index}`, body: "Body" }, select: { id: true } });
    threadIds.push(thread.id);
  }
  const [longThread, shortThread] = threadIds as [string, string];
  const comments = (threadId: string, count: number) =>
    Array.from({ length: count }, (_, index) => ({
      threadId,
      authorId: admin.id,
      seq: index + 1,
      parentId: null,
      body: `Comment ${index + 1}: a few sentences of **markdown**, as people write them in a real discussion.`,
    }));
  await db.comment.createMany({ data: comments(longThread, LONG_THREAD_COMMENTS) });
  await db.comment.createMany({ data: comments(shortThread, 20) });
  await db.thread.update({ where: { id: longThread }, data: { lastCommentSeq: LONG_THREAD_COMMENTS, commentCount: LONG_THREAD_COMMENTS } });
  await db.thread.update({ where: { id: shortThread }, data: { lastCommentSeq: 20, commentCount: 20 } });
  return { db, adminId: admin.id, groupId: group.id, longThread, shortThread };
}

async function queriesPerRequest(seeded: Awaited<ReturnType<typeof seed>>) {
  const { createCaller } = await import("@/server/api/root");
  let queries = 0;
  const db = seeded.db.$extends({ query: { $allOperations: ({ args, query }) => ((queries += 1), query(args)) } }) as unknown as typeof seeded.db;
  const caller = createCaller({ db, userId: seeded.adminId, publish: () => undefined });
  const count = async (call: () => Promise<unknown>) => {
    queries = 0;
    await call();
    return queries;
  };
  return {
    "comment.list, 20-comment thread": await count(() => caller.comment.list({ threadId: seeded.shortThread })),
    [`comment.list, ${LONG_THREAD_COMMENTS}-comment thread`]: await count(() => caller.comment.list({ threadId: seeded.longThread })),
    "thread.list, 100 threads": await count(() => caller.thread.list({ groupId: seeded.groupId })),
    "thread.byId": await count(() => caller.thread.byId({ id: seeded.longThread })),
  };
}

buildIfStale();
const dataDir = tempDataDir();
const databaseUrl = `file:${path.join(dataDir, "hearth.db")}`;
const first = await startHearth(dataDir, { HEARTH_ADMIN_EMAIL: ADMIN.email, HEARTH_ADMIN_PASSWORD: ADMIN.password });
const seeded = await seed(databaseUrl);
const cookie = await signInCookie(first.url, ADMIN.email, ADMIN.password);
const commentListUrl = trpcQueryUrl(first.url, "comment.list", { threadId: seeded.longThread });
const threadPageUrl = `${first.url}/threads/${seeded.longThread}`;

const { body: sampleBody, baseline } = await startBaselineFor(commentListUrl, cookie);

/** Requests that timed out under load are still being answered; let the server drain before the next run. */
const drain = () => new Promise((resolve) => setTimeout(resolve, 15_000));

const results: LoadResult[] = [];
results.push(await load(`bare Node http server, same ${sampleBody.length}-byte body (baseline)`, baseline.url, null));
results.push(await load(`comment.list, first page of a ${LONG_THREAD_COMMENTS}-comment thread`, commentListUrl, cookie));
await drain();
results.push(await load("thread page, 1 connection (one person opening it)", threadPageUrl, cookie, 1));
results.push(await load(`thread page /threads/:id (${LONG_THREAD_COMMENTS} comments, server-rendered)`, threadPageUrl, cookie));
baseline.close();
stopHearth(first.child);

const queries = await queriesPerRequest(seeded);
console.log(`\nbench:threads on ${new Date().toISOString().slice(0, 10)}, 200 connections × 10 s each unless noted, loopback\n`);
console.log(formatTable(results));
console.log("\n| request | SQL queries |\n|---|---|");
for (const [request, count] of Object.entries(queries)) console.log(`| ${request} | ${count} |`);
await seeded.db.$disconnect();
process.exit(0);
