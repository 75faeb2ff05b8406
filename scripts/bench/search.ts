import { rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import type { Db } from "@/server/db";
import { startTemporaryPostgres, type TemporaryPostgres } from "../support/temporary-postgres.ts";
import { tempDataDir } from "./harness.ts";
import { FULL_SIZE, RARE_COUNT, SEED_WORDS, seedSearchData, type SearchSeedSize } from "./search-seed.ts";

/**
 * `npm run bench:search [-- --scale 0.1] [-- --postgres] [-- --keep]`: seeds a fresh database
 * (100,000 comments over 1,000 threads in three groups, 200 resources, 100 polls with reasons,
 * 30 meetings, 62 people; search-seed.ts) and times `searchQuery`, the function search.query
 * calls, in this process, as a member of one group and as a guest invited to three threads,
 * for common and rare words, a phrase, exclusions, each operator, a query matching nothing,
 * later pages, and best first. Cold: the first call after opening the database with a new
 * client (SQLite's page cache empty, the operating system's file cache not). Warm: the same
 * call repeated. Two baselines go through the same client in the same run, because the machine
 * is noisy: `SELECT 1`, and one page of a thread's comments by an index. `--scale` multiplies the
 * amounts (for trying changes quickly), `--postgres` runs it all on a throwaway PostgreSQL
 * server (analyzed after seeding), `--keep` leaves the SQLite database in place and prints where
 * (for EXPLAIN QUERY PLAN).
 */
const COLD_ROUNDS = 7;
const WARM_ROUNDS = 50;

function option(name: string): string | null {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? null : (process.argv[index + 1] ?? "");
}
const scale = Number(option("scale") ?? 1);
const onPostgres = process.argv.includes("--postgres");
const keep = process.argv.includes("--keep");
if (!(scale > 0)) throw new Error("--scale takes a positive number, e.g. --scale 0.1");
const size: SearchSeedSize = Object.fromEntries(Object.entries(FULL_SIZE).map(([key, value]) => [key, Math.max(1, Math.round(value * scale))])) as SearchSeedSize;

type Who = "member" | "guest";
type Case = { label: string; who: Who; q: string; page?: number };

const { common, rare, phrase, nowhere, author } = SEED_WORDS;
const CASES: Case[] = [
  { label: "common word", who: "member", q: common },
  { label: "very common word (in most entries)", who: "member", q: "the" },
  { label: "rare word", who: "member", q: rare },
  { label: "phrase", who: "member", q: `"${phrase}"` },
  { label: "two words", who: "member", q: `${common} plan` },
  { label: "common word -word", who: "member", q: `${common} -bus` },
  { label: "@name", who: "member", q: `${common} @${author}` },
  { label: "type:comment", who: "member", q: `${common} type:comment` },
  { label: "type:resource", who: "member", q: `${common} type:resource` },
  { label: "in:group", who: "member", q: `${common} in:steering` },
  { label: "before:", who: "member", q: `${common} before:2025-01-01` },
  { label: "operators only (type:poll status:closed)", who: "member", q: "type:poll status:closed" },
  { label: "matching nothing", who: "member", q: nowhere },
  { label: "common word, page 2", who: "member", q: common, page: 2 },
  { label: "common word, page 10", who: "member", q: common, page: 10 },
  { label: "best first: common word", who: "member", q: `${common} order:best` },
  { label: "best first: very common word", who: "member", q: "the order:best" },
  { label: "best first: rare word", who: "member", q: `${rare} order:best` },
  { label: "best first: phrase", who: "member", q: `"${phrase}" order:best` },
  { label: "best first: common word, type:comment", who: "member", q: `${common} type:comment order:best` },
  { label: "best first: common word, type:resource", who: "member", q: `${common} type:resource order:best` },
  { label: "best first: common word, page 2", who: "member", q: `${common} order:best`, page: 2 },
  { label: "best first: common word, page 10", who: "member", q: `${common} order:best`, page: 10 },
  { label: "common word", who: "guest", q: common },
  { label: "rare word", who: "guest", q: rare },
  { label: "phrase", who: "guest", q: `"${phrase}"` },
  { label: "matching nothing", who: "guest", q: nowhere },
  { label: "best first: common word", who: "guest", q: `${common} order:best` },
];

function percentile(sorted: number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))]!;
}
const ms = (value: number) => (value < 10 ? value.toFixed(2) : value.toFixed(1));
const summary = (samples: number[]) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95) };
};

async function timed(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

/** A database of its own: a file in a temporary directory, or a new database on a throwaway PostgreSQL server. */
async function openDatabase(): Promise<{ url: string; cleanUp: () => void; postgres: TemporaryPostgres | null }> {
  if (!onPostgres) {
    const directory = tempDataDir();
    return { url: `file:${path.join(directory, "search.db")}`, cleanUp: () => rmSync(directory, { recursive: true, force: true }), postgres: null };
  }
  const postgres = await startTemporaryPostgres();
  const admin = new pg.Client({ connectionString: postgres.adminUrl });
  await admin.connect();
  await admin.query("CREATE DATABASE hearth_bench");
  await admin.end();
  return { url: postgres.adminUrl.replace(/\/postgres$/, "/hearth_bench"), cleanUp: () => postgres.stop(), postgres };
}

async function main() {
  const database = await openDatabase();
  // search/query.ts chooses its SQL by this.
  process.env.DATABASE_URL = database.url;
  process.env.LOG_LEVEL ??= "warn";
  const { migrateDatabase } = await import("@/server/db/migrate");
  const { createDb } = await import("@/server/db");
  const { searchQuery } = await import("@/server/search/query");
  try {
    await migrateDatabase(database.url);
    const seeding = createDb(database.url);
    const started = performance.now();
    const seeded = await seedSearchData(seeding, size);
    const seedSeconds = (performance.now() - started) / 1000;
    // A live PostgreSQL database has its statistics (autovacuum); a freshly loaded one is still being analyzed.
    if (onPostgres) await seeding.$executeRawUnsafe("VACUUM ANALYZE");
    const entries = await seeding.searchEntry.count();
    await seeding.$disconnect();
    console.error(`seeded ${entries.toLocaleString("en-GB")} search entries in ${seedSeconds.toFixed(0)} s`);

    const userOf = (who: Who) => (who === "member" ? seeded.memberId : seeded.guestId);
    /** The cursor of the page before `page`, found once, outside the timings. */
    const cursors = new Map<Case, string | null>();
    const counts = new Map<Case, number>();
    const first = createDb(database.url);
    const cases: Case[] = [];
    for (const test of CASES) {
      let cursor: string | null = null;
      for (let page = 1; page < (test.page ?? 1) && (page === 1 || cursor); page += 1) {
        cursor = (await searchQuery(first, userOf(test.who), { q: test.q, cursor })).nextCursor;
      }
      // At a small --scale, later pages may not exist.
      if (test.page && !cursor) {
        console.error(`left out: “${test.q}” has no page ${test.page}`);
        continue;
      }
      cases.push(test);
      cursors.set(test, cursor);
      const found = await searchQuery(first, userOf(test.who), { q: test.q, cursor });
      if (found.ignored.length) throw new Error(`“${test.q}”: ignored ${found.ignored.join(", ")}`);
      counts.set(test, found.results.length);
    }
    const matches = await matchCounts(first);
    await first.$disconnect();
    if (counts.get(cases.find((test) => test.label === "rare word" && test.who === "member")!)! === 0) throw new Error("the rare word found nothing");

    const run = (db: Db, test: Case) => searchQuery(db, userOf(test.who), { q: test.q, cursor: cursors.get(test) ?? null });
    const baselines: { label: string; run: (db: Db) => Promise<unknown> }[] = [
      { label: "`SELECT 1` through the same client (baseline)", run: (db) => db.$queryRaw`SELECT 1` },
      {
        label: "20 comments of a thread by its index (baseline)",
        run: (db) => db.comment.findMany({ where: { threadId: seeded.threadId }, orderBy: { seq: "asc" }, take: 20, select: { id: true, body: true } }),
      },
    ];
    const cold = new Map<string, number[]>();
    const warm = new Map<string, number[]>();
    const record = (samples: Map<string, number[]>, key: string, value: number) => samples.set(key, [...(samples.get(key) ?? []), value]);
    const keyOf = (test: Case) => `${test.who}: ${test.label}`;

    // Cold: each call the first after opening the database with a new client.
    for (let round = 0; round < COLD_ROUNDS; round += 1) {
      for (const baseline of baselines) {
        const db = createDb(database.url);
        await db.$connect();
        record(cold, baseline.label, await timed(() => baseline.run(db)));
        await db.$disconnect();
      }
      for (const test of cases) {
        const db = createDb(database.url);
        await db.$connect();
        record(cold, keyOf(test), await timed(() => run(db, test)));
        await db.$disconnect();
      }
    }
    // Warm: one client, every call made once before timing, then in turns so that noise spreads over all of them.
    const db = createDb(database.url);
    for (const baseline of baselines) await baseline.run(db);
    for (const test of cases) await run(db, test);
    for (let round = 0; round < WARM_ROUNDS; round += 1) {
      for (const baseline of baselines) record(warm, baseline.label, await timed(() => baseline.run(db)));
      for (const test of cases) record(warm, keyOf(test), await timed(() => run(db, test)));
    }
    await db.$disconnect();

    const row = (label: string, who: string, q: string, results: string, key: string) => {
      const c = summary(cold.get(key)!);
      const w = summary(warm.get(key)!);
      return `| ${label} | ${who} | ${q} | ${results} | ${ms(c.p50)} | ${ms(c.p95)} | ${ms(w.p50)} | ${ms(w.p95)} |`;
    };
    const lines = [
      `bench:search on ${new Date().toISOString().slice(0, 10)}, ${onPostgres ? "PostgreSQL" : "SQLite"}, ${entries.toLocaleString("en-GB")} entries ` +
        `(${size.comments.toLocaleString("en-GB")} comments, ${size.threads.toLocaleString("en-GB")} threads, ${size.resources} resources, ${size.polls} polls, ${size.meetings} meetings); ` +
        `cold ${COLD_ROUNDS} rounds, warm ${WARM_ROUNDS}; entries with the words: ${Object.entries(matches).map(([word, count]) => `${word} ${count.toLocaleString("en-GB")}`).join(", ")}`,
      "",
      "| what | as | q | results | cold p50 ms | cold p95 ms | warm p50 ms | warm p95 ms |",
      "|---|---|---|---|---|---|---|---|",
      ...baselines.map((baseline) => row(baseline.label, "", "", "", baseline.label)),
      ...cases.map((test) => row(test.label, test.who, `\`${test.q}\``, String(counts.get(test)), keyOf(test))),
    ];
    console.log(lines.join("\n"));
    const slow = cases.filter((test) => summary(warm.get(keyOf(test))!).p95 >= 50);
    if (slow.length && !onPostgres) console.error(`warm p95 of 50 ms or more: ${slow.map(keyOf).join("; ")}`);
  } finally {
    if (keep && !onPostgres) console.error(`database kept: ${database.url}`);
    else database.cleanUp();
  }
}

/** How many entries hold each searched word: what the timings depend on. */
async function matchCounts(db: Db): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const word of [common, "the", rare, phrase]) {
    const [found] = onPostgres
      ? await db.$queryRaw<{ count: bigint }[]>`SELECT count(*) AS "count" FROM "SearchEntry" WHERE "searchVector" @@ phraseto_tsquery('hearth_search', ${word}::text)`
      : await db.$queryRaw<{ count: bigint }[]>`SELECT count(*) AS "count" FROM "SearchEntryText" WHERE "SearchEntryText" MATCH ${`"${word}"`}`;
    counts[word] = Number(found?.count ?? 0);
  }
  if (counts[rare] !== RARE_COUNT) throw new Error(`the rare word is in ${counts[rare]} entries, not ${RARE_COUNT}`);
  return counts;
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
