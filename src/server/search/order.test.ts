import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { Prisma } from "@/generated/prisma/client.ts";
import { getDb, type Db } from "@/server/db";
import { providerOf } from "@/server/db/database-provider";
import { searchQuery } from "@/server/search/query";
import { INVALID_CURSOR, SEARCH_PAGE_SIZE, type SearchPage, type SearchQueryInput } from "@/server/search/schemas";
import { addMember, callerFor, makeGroup, makeUser } from "@/server/test/factories";

// Newest first and best first (`order:`). Runs on SQLite (npx vitest run) and PostgreSQL (npx tsx scripts/test-pg.ts).
const db = () => getDb();
type Person = { id: string; name: string };
const search = (person: Person, q: string, more: Omit<SearchQueryInput, "q"> = {}) => callerFor(person.id).caller.search.query({ q, ...more });
const titles = (page: SearchPage) => page.results.map((result) => result.title);
const unique = (start: string) => `${start}${Array.from(randomBytes(6), (byte) => String.fromCharCode(97 + (byte % 26))).join("")}`;

async function everyPage(person: Person, q: string): Promise<SearchPage[]> {
  const pages: SearchPage[] = [];
  let cursor: string | null = null;
  do {
    const page: SearchPage = await search(person, q, { cursor });
    pages.push(page);
    cursor = page.nextCursor;
  } while (cursor);
  return pages;
}

async function groupWithMembers() {
  const group = await makeGroup();
  const [admin, member, guest] = await Promise.all([makeUser(), makeUser(), makeUser()]);
  await addMember(group.id, admin.id, "admin");
  await addMember(group.id, member.id, "member");
  await addMember(group.id, guest.id, "guest");
  return { group, admin, member, guest };
}

describe("search.query order", () => {
  it("puts a title that names the words above passing mentions best first, and the newest first otherwise", async () => {
    const { group, admin, member } = await groupWithMembers();
    const word = unique("osprey");
    const as = (person: Person) => callerFor(person.id).caller;
    const titled = await as(admin).thread.create({ groupId: group.id, title: `The ${word} platform`, body: "Where the camera goes." });
    await as(member).comment.create({ threadId: titled.id, body: `We counted eggs, checked the camera batteries and, on the way back, saw the ${word} again.` });
    await as(admin).thread.create({ groupId: group.id, title: "Camera rota", body: `Who changes the batteries on Sundays? The ${word} does not mind us.` });

    const newest = await search(member, word);
    expect(newest.results.map((result) => result.type)).toEqual(["thread", "comment", "thread"]);
    expect(titles(newest)[0]).toBe("Camera rota");
    expect(await search(member, `${word} order:newest`)).toEqual(newest);

    const best = await search(member, `${word} ORDER:Best`);
    expect(best.results[0]).toMatchObject({ type: "thread", id: titled.id, title: `The ${word} platform` });
    expect(best.results.map((result) => `${result.type} ${result.id}`).sort()).toEqual(newest.results.map((result) => `${result.type} ${result.id}`).sort());
    expect(best.ignored).toEqual([]);
  });

  it("pages through best-first results in order, each once, also where many match equally well", async () => {
    const { group, admin, member } = await groupWithMembers();
    const word = unique("knot");
    const thread = await callerFor(admin.id).caller.thread.create({ groupId: group.id, title: "Counting", body: "Birds on the shore." });
    const total = SEARCH_PAGE_SIZE * 2 + 5;
    // Equally long: comment n has the word (n % 5) + 1 times, so five groups of nine match equally well.
    const times = (n: number) => (n % 5) + 1;
    await db().comment.createMany({
      data: Array.from({ length: total }, (_, n) => ({
        threadId: thread.id,
        authorId: member.id,
        seq: n + 1,
        body: `${Array(times(n)).fill(word).join(" ")} ${Array(5 - times(n)).fill("pebble").join(" ")} number ${n}`,
      })),
    });

    const pages = await everyPage(member, `${word} order:best`);
    expect(pages.map((page) => page.results.length)).toEqual([SEARCH_PAGE_SIZE, SEARCH_PAGE_SIZE, 5]);
    const seen = pages.flatMap((page) => page.results.map((result) => Number(/number (\d+)/.exec(result.snippet)?.[1])));
    // Most mentions first; among equals, the most recently written first.
    const expected = Array.from({ length: total }, (_, n) => n).sort((a, b) => times(b) - times(a) || b - a);
    expect(seen).toEqual(expected);
    // The same through filters that leave few entries to read.
    const filtered = await everyPage(member, `${word} type:comment in:${group.handle} order:best`);
    expect(filtered.flatMap((page) => page.results.map((result) => Number(/number (\d+)/.exec(result.snippet)?.[1])))).toEqual(expected);
    expect((await search(member, `${word} type:thread order:best`)).results).toEqual([]);
  });

  it("keeps each order's cursor to its order, ignores orders it does not know, and orders a search without words newest first", async () => {
    const { group, admin, member } = await groupWithMembers();
    const word = unique("dunlin");
    const start = Date.UTC(2026, 0, 1);
    await db().thread.createMany({
      data: Array.from({ length: SEARCH_PAGE_SIZE + 2 }, (_, n) => ({
        groupId: group.id,
        authorId: admin.id,
        title: `Count ${n} ${word}`,
        body: "Tide out.",
        createdAt: new Date(start + n * 1000),
      })),
    });

    const newest = await search(member, word);
    await expect(search(member, `${word} order:best`, { cursor: newest.nextCursor })).rejects.toMatchObject({ code: "BAD_REQUEST", message: INVALID_CURSOR });
    const best = await search(member, `${word} order:best`);
    await expect(search(member, word, { cursor: best.nextCursor })).rejects.toMatchObject({ code: "BAD_REQUEST", message: INVALID_CURSOR });

    const sideways = await search(member, `${word} order:sideways`);
    expect(sideways.ignored).toEqual(["order:sideways"]);
    expect(sideways.results).toEqual(newest.results);

    // Nothing to rank by: every thread of the group, newest first, over two pages.
    const pages = await everyPage(member, `type:thread in:${group.handle} order:best`);
    const found = pages.flatMap((page) => titles(page));
    expect(found).toEqual(Array.from({ length: SEARCH_PAGE_SIZE + 2 }, (_, n) => `Count ${SEARCH_PAGE_SIZE + 1 - n} ${word}`));
  });

  it.skipIf(providerOf(process.env.DATABASE_URL ?? "file:") !== "sqlite")(
    "reads only what a page needs on SQLite: a guest's entries by id, and best first in ranked order without sorting the page",
    async () => {
      const { group, admin, guest } = await groupWithMembers();
      const word = unique("sanderling");
      const invited = await callerFor(admin.id).caller.thread.create({ groupId: group.id, title: `Invited ${word}`, body: "Hello." });
      await db().threadGuest.create({ data: { threadId: invited.id, userId: guest.id } });

      const plans = async (userId: string, q: string) => {
        const sent = recordingQueries(db());
        await searchQuery(sent.db, userId, { q });
        const details: { parent: number; detail: string }[][] = [];
        for (const sql of sent.queries) details.push(await db().$queryRawUnsafe(`EXPLAIN QUERY PLAN ${sql.sql}`, ...sql.values));
        return details;
      };
      for (const q of [word, `${word} order:best`, `in:${group.handle}`]) {
        const guestPlans = (await plans(guest.id, q)).flat();
        // "SCAN e" alone would read every entry of every group.
        expect(guestPlans.map((row) => row.detail)).not.toContain("SCAN e");
      }
      const [page] = await plans(admin.id, `${word} order:best`);
      expect(page!.map((row) => row.detail)).toContain("SCAN f");
      expect(page!.filter((row) => row.parent === 0 && row.detail.startsWith("USE TEMP B-TREE"))).toEqual([]);
    },
  );
});

/** The client, recording the raw SQL sent through it. */
function recordingQueries(client: Db): { db: Db; queries: Prisma.Sql[] } {
  const queries: Prisma.Sql[] = [];
  const recording = new Proxy(client, {
    get(target, property) {
      if (property === "$queryRaw") {
        return (strings: TemplateStringsArray, ...values: unknown[]) => {
          queries.push(Prisma.sql(strings, ...values));
          return target.$queryRaw(strings, ...values);
        };
      }
      return Reflect.get(target, property) as unknown;
    },
  });
  return { db: recording, queries };
}
