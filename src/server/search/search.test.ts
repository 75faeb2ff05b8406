import { randomBytes } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { describe, expect, it, vi } from "vitest";
import { getDb } from "@/server/db";
import { inOneWeek } from "@/server/test/poll-fixtures";
import { addMember, callerFor, makeGroup, makeOrganisation, makeUser } from "@/server/test/factories";
import { rebuildSearchIndex } from "@/server/search/reindex";
import { QUERY_TOO_LONG, SEARCH_PAGE_SIZE, TOO_MANY_TERMS, type SearchPage, type SearchQueryInput } from "@/server/search/schemas";

// The same tests run on SQLite (npx vitest run src/server/search) and PostgreSQL (npm run test:pg -- src/server/search).
const db = () => getDb();
type Person = { id: string; name: string };
const as = (person: Person) => callerFor(person.id).caller;
const search = (person: Person, q: string, more: Omit<SearchQueryInput, "q"> = {}) => as(person).search.query({ q, ...more });
const titles = (page: SearchPage) => page.results.map((result) => result.title);

/** A made-up word no other test writes, so tests sharing the database never find each other's words. */
const unique = (start: string) => `${start}${Array.from(randomBytes(6), (byte) => String.fromCharCode(97 + (byte % 26))).join("")}`;

async function searchGroup() {
  const group = await makeGroup();
  const [admin, member, guest, outsider] = await Promise.all([
    makeUser({ name: `Ada ${unique("Admin")}` }),
    makeUser({ name: `Mo ${unique("Member")}` }),
    makeUser({ name: `Gil ${unique("Guest")}` }),
    makeUser({ name: `Otto ${unique("Outsider")}` }),
  ]);
  await addMember(group.id, admin.id, "admin");
  await addMember(group.id, member.id, "member");
  await addMember(group.id, guest.id, "guest");
  await addMember((await makeGroup()).id, outsider.id, "member");
  return { group, admin, member, guest, outsider };
}

const newThread = (author: Person, groupId: string, title: string, body = "Some words.") =>
  as(author).thread.create({ groupId, title, body });

async function newPoll(author: Person, groupId: string, fields: { title: string; details?: string; anonymous?: boolean; threadId?: string; hideResults?: "off" | "until_vote" | "until_closed" }) {
  const { id } = await as(author).poll.create({ groupId, kind: "proposal", closingAt: inOneWeek(), ...fields });
  const { options } = await as(author).poll.byId({ id });
  return { id, optionId: options[0]!.id };
}

describe("search.query", () => {
  it("finds threads, comments, polls, outcomes, vote reasons and people, each linking to its exact place", async () => {
    const { group, admin, member } = await searchGroup();
    const word = unique("heron");
    const thread = await newThread(admin, group.id, `About the ${word}`, "Where the birds nest.");
    const comment = await as(member).comment.create({ threadId: thread.id, body: `I saw a **${word}** by the river.` });
    const poll = await newPoll(admin, group.id, { title: "Protect the nesting site", details: `Fence off the ${word} colony.` });
    await as(member).poll.vote({ pollId: poll.id, choices: [{ optionId: poll.optionId }], reason: `The ${word} needs quiet.` });
    await as(admin).poll.close({ id: poll.id });
    await as(admin).poll.setOutcome({ id: poll.id, statement: `We fence the ${word} colony in March.` });
    const organisation = await makeOrganisation({ name: `${word} Trust` });
    await as(member).member.setOrganisation({ userId: member.id, organisationId: organisation.id });

    const page = await search(admin, word);
    const byType = (type: string) => page.results.filter((result) => result.type === type);
    expect(byType("thread")).toEqual([expect.objectContaining({ id: thread.id, title: `About the ${word}`, url: `/threads/${thread.id}`, groupId: group.id })]);
    expect(byType("comment")).toEqual([
      expect.objectContaining({ id: comment.id, title: `About the ${word}`, url: `/threads/${thread.id}?comment=${comment.id}`, snippet: `I saw a «${word}» by the river.` }),
    ]);
    expect(byType("outcome")).toEqual([expect.objectContaining({ id: poll.id, title: "Protect the nesting site", url: `/polls/${poll.id}` })]);
    expect(byType("poll")).toEqual([
      expect.objectContaining({ title: `${member.name}’s vote on Protect the nesting site`, url: `/polls/${poll.id}`, snippet: `The «${word}» needs quiet.` }),
      expect.objectContaining({ id: poll.id, title: "Protect the nesting site", url: `/polls/${poll.id}` }),
    ]);
    expect(byType("member")).toEqual([
      expect.objectContaining({ id: member.id, title: member.name, groupId: group.id, url: `/groups/${group.handle}/members?search=${encodeURIComponent(member.name)}` }),
    ]);
    // Newest first.
    const times = page.results.map((result) => result.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(page).toMatchObject({ nextCursor: null, ignored: [] });
  });

  it("folds accents and case in every language, and finds English words by their stem", async () => {
    const { group, admin, member } = await searchGroup();
    const word = unique("kestrel");
    await newThread(admin, group.id, `Réunion à Zürich ${word}`, `ÉLODIE présente les Meetings du café ${word}.`);

    for (const q of ["reunion", "ZURICH", "elodie", "Élodie", "CAFÉ", "meeting", "meetings", "présenté"]) {
      expect(titles(await search(member, `${q} ${word}`)), q).toEqual([`Réunion à Zürich ${word}`]);
    }
    const [result] = (await search(member, `elodie meeting ${word}`)).results;
    expect(result!.snippet).toContain("«ÉLODIE»");
    expect(result!.snippet).toContain("«Meetings»");
  });

  it("matches phrases as words in order, and leaves out excluded words and phrases", async () => {
    const { group, admin, member } = await searchGroup();
    const word = unique("plover");
    await newThread(admin, group.id, `Transport plan ${word}`, "The bus timetable for spring.");
    await newThread(admin, group.id, `Plan for transport ${word}`, "The cycle paths for spring.");

    expect(titles(await search(member, `"transport plan" ${word}`))).toEqual([`Transport plan ${word}`]);
    expect(titles(await search(member, `${word} -bus`))).toEqual([`Plan for transport ${word}`]);
    expect(titles(await search(member, `${word} -"cycle paths"`))).toEqual([`Transport plan ${word}`]);
    expect(titles(await search(member, `${word} -"paths cycle"`))).toHaveLength(2);
  });

  it("filters by author, group, type, status and date, and reports operators it does not know", async () => {
    const { group, admin, member } = await searchGroup();
    const other = await makeGroup();
    await addMember(other.id, member.id, "admin");
    const word = unique("curlew");
    const byAdmin = await newThread(admin, group.id, `Admin ${word}`);
    const closed = await newThread(member, group.id, `Member ${word}`);
    await as(admin).thread.close({ id: closed.id });
    const elsewhere = await newThread(member, other.id, `Elsewhere ${word}`);
    const poll = await newPoll(admin, group.id, { title: `Poll ${word}` });
    await db().thread.update({ where: { id: byAdmin.id }, data: { createdAt: new Date("2025-05-31T23:59:00Z") } });
    await db().$executeRaw`UPDATE "SearchEntry" SET "createdAt" = ${new Date("2025-05-31T23:59:00Z")} WHERE "subjectId" = ${byAdmin.id}`;

    const sorted = async (q: string, more: Omit<SearchQueryInput, "q"> = {}) => titles(await search(member, q, more)).sort();
    const adminWord = admin.name.split(" ")[1]!;
    expect(await sorted(`${word} @${adminWord}`)).toEqual([`Admin ${word}`, `Poll ${word}`]);
    expect(await sorted(`${word} @"${admin.name.toUpperCase()}"`)).toEqual([`Admin ${word}`, `Poll ${word}`]);
    expect(await sorted(`${word} @nobodyatall`)).toEqual([]);
    expect(await sorted(`${word} in:${other.handle}`)).toEqual([`Elsewhere ${word}`]);
    expect(await sorted(`${word} IN:${other.handle.toUpperCase()} in:${group.handle}`)).toEqual([`Admin ${word}`, `Elsewhere ${word}`, `Member ${word}`, `Poll ${word}`]);
    expect(await sorted(`${word} in:no-such-group`)).toEqual([]);
    expect(await sorted(word, { groupId: other.id })).toEqual([`Elsewhere ${word}`]);
    expect(await sorted(`${word} in:${group.handle}`, { groupId: other.id })).toEqual([]);
    expect(await sorted(`${word} type:poll`)).toEqual([`Poll ${word}`]);
    expect(await sorted(word, { types: ["poll", "thread"] })).toHaveLength(4);
    expect(await sorted(`${word} type:thread`, { types: ["poll"] })).toEqual([]);
    expect(await sorted(`${word} status:closed`)).toEqual([`Member ${word}`]);
    expect(await sorted(`${word} status:open`)).toEqual([`Admin ${word}`, `Elsewhere ${word}`, `Poll ${word}`]);
    expect(await sorted(`${word} before:2025-06-01`)).toEqual([`Admin ${word}`]);
    expect(await sorted(`${word} after:2025-06-01`)).toEqual([`Elsewhere ${word}`, `Member ${word}`, `Poll ${word}`]);
    // Operators alone are a search too: everything of the kind the caller may see.
    expect(titles(await search(member, `type:poll in:${group.handle}`))).toEqual([`Poll ${word}`]);

    const ignored = await search(member, `${word} foo:bar type:nonsense status:pending before:2025-02-30 -in:${group.handle} https://example.org`);
    expect(ignored.ignored).toEqual(["foo:bar", "type:nonsense", "status:pending", "before:2025-02-30", `-in:${group.handle}`]);
    expect(ignored.results).toEqual([]);
    expect((await search(member, `${word} foo:bar`)).results).toHaveLength(4);
    expect(elsewhere.id).toBeTruthy();
    expect(poll.id).toBeTruthy();
  });

  it("finds only what each person may see: a guest their thread and its polls, outsiders and people who left nothing", async () => {
    const { group, admin, member, guest, outsider } = await searchGroup();
    const word = unique("avocet");
    const invited = await newThread(admin, group.id, `Invited ${word}`);
    const hidden = await newThread(admin, group.id, `Hidden ${word}`);
    await db().threadGuest.create({ data: { threadId: invited.id, userId: guest.id } });
    await as(member).comment.create({ threadId: hidden.id, body: `A comment on ${word}` });
    await newPoll(admin, group.id, { title: `Poll in the thread ${word}`, threadId: invited.id });
    await newPoll(admin, group.id, { title: `Poll of the group ${word}` });

    expect(titles(await search(guest, word)).sort()).toEqual([`Invited ${word}`, `Poll in the thread ${word}`]);
    expect(titles(await search(admin, word))).toHaveLength(5);
    expect((await search(outsider, word)).results).toEqual([]);
    expect((await search(outsider, word, { groupId: group.id })).results).toEqual([]);
    // People: members find each other; guests find nobody; nobody is found through a group they left.
    const memberWord = member.name.split(" ")[1]!;
    expect(titles(await search(admin, memberWord))).toEqual([member.name]);
    expect((await search(guest, memberWord)).results).toEqual([]);
    expect((await search(member, guest.name.split(" ")[1]!)).results).toEqual([]);
    expect(titles(await search(admin, guest.name.split(" ")[1]!))).toEqual([guest.name]);

    await as(member).member.leave({ groupId: group.id });
    expect((await search(member, word)).results).toEqual([]);
    expect((await search(member, admin.name.split(" ")[1]!)).results).toEqual([]);
  });

  it("never finds the reasons of an anonymous vote, and others' reasons only once results are visible", async () => {
    const { group, admin, member } = await searchGroup();
    const word = unique("godwit");
    const secret = await newPoll(admin, group.id, { title: `Secret ${word}`, anonymous: true });
    const hidden = await newPoll(admin, group.id, { title: `Hidden ${word}`, hideResults: "until_closed" });
    await as(member).poll.vote({ pollId: secret.id, choices: [{ optionId: secret.optionId }], reason: `Reason ${word} anonymous` });
    await as(member).poll.vote({ pollId: hidden.id, choices: [{ optionId: hidden.optionId }], reason: `Reason ${word} hidden` });

    expect((await search(admin, `reason ${word}`)).results).toEqual([]);
    expect(await db().searchEntry.count({ where: { pollId: secret.id, type: "vote" } })).toBe(0);
    await as(admin).poll.close({ id: secret.id });
    await as(admin).poll.close({ id: hidden.id });
    expect(titles(await search(admin, `reason ${word}`))).toEqual([`${member.name}’s vote on Hidden ${word}`]);
  });

  it("finds resources by title, description and tags, drafts only for their author and the admins", async () => {
    const { group, admin, member, guest } = await searchGroup();
    const colleague = await makeUser();
    await addMember(group.id, colleague.id, "member");
    await db().group.update({ where: { id: group.id }, data: { membersCanAddResources: true } });
    const word = unique("sanderling");
    const link = { groupId: group.id, kind: "link" as const, url: "https://example.org/guide" };
    const published = await as(admin).resource.create({ ...link, title: `Guide ${word}`, description: "How to count birds.", tags: ["census"] });
    const draft = await as(member).resource.create({ ...link, title: "Draft notes", description: `Notes on the ${word}.` });
    const tagged = await as(admin).resource.create({ ...link, title: "Tagged", tags: [word] });

    const found = async (person: Person, q = word) => (await search(person, q)).results.map((result) => result.id).sort();
    expect(await found(admin)).toEqual([published.id, draft.id, tagged.id].sort());
    expect(await found(member)).toEqual([published.id, draft.id, tagged.id].sort());
    expect(await found(colleague)).toEqual([published.id, tagged.id].sort());
    expect(await found(guest)).toEqual([]);
    expect((await search(admin, `census ${word}`)).results).toEqual([expect.objectContaining({ type: "resource", id: published.id, url: `/resources/${published.id}` })]);

    await as(admin).resource.update({ id: tagged.id, tags: ["other"] });
    await as(admin).resource.publish({ id: draft.id });
    expect(await found(colleague)).toEqual([published.id, draft.id].sort());

    // A deleted resource takes its tags with it, and leaves the index.
    await as(admin).resource.delete({ id: published.id });
    expect(await found(colleague)).toEqual([draft.id]);
  });

  it("finds meetings by title, agenda and minutes, for those who see meetings", async () => {
    const { group, admin, member, guest } = await searchGroup();
    const [agenda, minutes] = [unique("turnstone"), unique("whimbrel")];
    const meeting = await as(admin).meeting.create({ groupId: group.id, title: "Spring meeting", startsAt: inOneWeek(), agenda: `1. The ${agenda}` });
    expect((await search(member, agenda)).results).toEqual([expect.objectContaining({ type: "meeting", id: meeting.id, title: "Spring meeting", url: `/meetings/${meeting.id}` })]);
    expect((await search(member, minutes)).results).toEqual([]);

    await as(admin).meeting.update({ id: meeting.id, minutes: `We agreed on the ${minutes}.` });
    expect(titles(await search(member, minutes))).toEqual(["Spring meeting"]);
    expect((await search(member, `${minutes} ${agenda}`)).results[0]!.snippet).toContain(`«${minutes}»`);
    expect((await search(guest, agenda)).results).toEqual([]);
  });

  it("keeps the index in step with edits and deletions", async () => {
    const { group, admin, member } = await searchGroup();
    const [before, after, gone] = [unique("snipe"), unique("ruff"), unique("dunlin")];
    const thread = await newThread(admin, group.id, `Title ${before}`, `Body ${before}`);
    const comment = await as(member).comment.create({ threadId: thread.id, body: `Comment ${before}` });
    const deleted = await as(member).comment.create({ threadId: thread.id, body: `Comment ${gone}` });
    expect((await search(member, before)).results).toHaveLength(2);
    expect((await search(member, gone)).results).toHaveLength(1);

    await as(admin).thread.update({ id: thread.id, title: `Title ${after}`, body: `Body ${after}` });
    await as(member).comment.update({ id: comment.id, body: `Comment ${after}` });
    await as(member).comment.delete({ id: deleted.id });
    expect((await search(member, before)).results).toEqual([]);
    expect((await search(member, after)).results.map((result) => result.type).sort()).toEqual(["comment", "thread"]);
    expect((await search(member, gone)).results).toEqual([]);

    const organisation = await makeOrganisation({ name: `Guild ${before}` });
    await as(member).member.setOrganisation({ userId: member.id, organisationId: organisation.id });
    expect(titles(await search(admin, before))).toEqual([member.name]);
    await db().organisation.update({ where: { id: organisation.id }, data: { name: `Guild ${gone}` } });
    expect(titles(await search(admin, gone))).toEqual([member.name]);
    await db().organisation.delete({ where: { id: organisation.id } });
    expect((await search(admin, gone)).results).toEqual([]);

    await as(admin).thread.delete({ threadId: thread.id });
    expect((await search(member, after)).results).toEqual([]);
  });

  it("keeps the index in step when threads move, votes change and outcomes are withdrawn", async () => {
    const { group, admin, member } = await searchGroup();
    const other = await makeGroup();
    await addMember(other.id, admin.id, "admin");
    const [moved, first, second, outcome] = [unique("pipit"), unique("wagtail"), unique("bunting"), unique("linnet")];
    const thread = await newThread(admin, group.id, `Moving ${moved}`);
    await as(admin).comment.create({ threadId: thread.id, body: `Comment ${moved}` });
    expect((await search(member, moved)).results).toHaveLength(2);
    await as(admin).thread.move({ id: thread.id, groupId: other.id });
    expect((await search(member, moved)).results).toEqual([]);
    expect((await search(admin, `${moved} in:${other.handle}`)).results).toHaveLength(2);

    const poll = await newPoll(admin, group.id, { title: "Changing minds" });
    await as(member).poll.vote({ pollId: poll.id, choices: [{ optionId: poll.optionId }], reason: `Because ${first}` });
    await as(member).poll.vote({ pollId: poll.id, choices: [{ optionId: poll.optionId }], reason: `Because ${second}` });
    expect((await search(admin, first)).results).toEqual([]);
    expect((await search(admin, second)).results).toHaveLength(1);

    await as(admin).poll.close({ id: poll.id });
    await as(admin).poll.setOutcome({ id: poll.id, statement: `Decided ${outcome}` });
    expect((await search(admin, outcome)).results).toEqual([expect.objectContaining({ type: "outcome", id: poll.id })]);
    await as(admin).poll.reopen({ id: poll.id, closingAt: inOneWeek() });
    expect((await search(admin, outcome)).results).toEqual([]);
  });

  it("rebuilds the index from what was written (npm run search:reindex)", async () => {
    const { group, admin, member } = await searchGroup();
    const word = unique("stint");
    await newThread(admin, group.id, `Rebuilt ${word}`);
    await db().$executeRaw`DELETE FROM "SearchEntry" WHERE "title" = ${`Rebuilt ${word}`}`;
    expect((await search(member, word)).results).toEqual([]);

    await rebuildSearchIndex(db());
    expect(titles(await search(member, word))).toEqual([`Rebuilt ${word}`]);
  });

  it("pages through many results newest first, without repeating or skipping one", async () => {
    const { group, admin, member } = await searchGroup();
    const word = unique("knot");
    const thread = await newThread(admin, group.id, "Counting");
    const start = Date.UTC(2026, 0, 1);
    const total = SEARCH_PAGE_SIZE * 2 + 5;
    // Some comments share a moment, so the order needs more than time.
    await db().comment.createMany({
      data: Array.from({ length: total }, (_, index) => ({
        threadId: thread.id,
        authorId: member.id,
        seq: index + 1,
        body: `Number ${index} ${word}`,
        createdAt: new Date(start + Math.floor(index / 3) * 1000),
      })),
    });

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: SearchPage = await search(member, word, { cursor });
      expect(page.results.length).toBeLessThanOrEqual(SEARCH_PAGE_SIZE);
      seen.push(...page.results.map((result) => result.snippet));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual(Array.from({ length: total }, (_, index) => `Number ${total - 1 - index} «${word}»`));
  });

  it("reads a word found thousands of times newest first, with every filter, as it reads a rare one", async () => {
    const { group, admin, member, guest } = await searchGroup();
    const word = unique("redshank");
    const thread = await newThread(admin, group.id, "Many");
    await db().threadGuest.create({ data: { threadId: thread.id, userId: guest.id } });
    const start = Date.UTC(2026, 1, 1);
    const total = 2_100;
    await db().comment.createMany({
      data: Array.from({ length: total }, (_, index) => ({
        threadId: thread.id,
        authorId: index % 2 ? member.id : admin.id,
        seq: index + 1,
        body: `Number ${index} ${word}`,
        createdAt: new Date(start + index * 1000),
      })),
    });
    const newest = (count: number, keep: (index: number) => boolean = () => true) =>
      Array.from({ length: total }, (_, index) => total - 1 - index).filter(keep).slice(0, count).map((index) => `Number ${index} «${word}»`);
    const twoPages = async (person: Person, q: string) => {
      const first = await search(person, q);
      const second = await search(person, q, { cursor: first.nextCursor });
      return [...first.results, ...second.results].map((result) => result.snippet);
    };

    expect(await twoPages(member, word)).toEqual(newest(40));
    expect(await twoPages(member, `${word} type:comment in:${group.handle}`)).toEqual(newest(40));
    expect(await twoPages(member, `${word} @${member.name.split(" ")[1]}`)).toEqual(newest(40, (index) => index % 2 === 1));
    expect(await twoPages(guest, word)).toEqual(newest(40));
    expect((await search(member, `${word} -number`)).results).toEqual([]);
    expect((await search(member, `${word} type:poll`)).results).toEqual([]);
  });

  it("answers bad input with a clear message or no results, never a database error", async () => {
    const { group, admin, member } = await searchGroup();
    await newThread(admin, group.id, "Something to find", 'Quotes " and stars * and NEAR(a b) and (brackets) and col:umns');

    for (const q of ["", "   ", '"', '""', "*", "NEAR", "NEAR(something find)", "(", ")", ":", ":something", '"unbalanced quote', "something\"find", "AND OR NOT", "-", "-*", "@", "^something", "title:find", "something*", "'", "\\", "%", "_", "👋"]) {
      const page = await search(member, q);
      expect(Array.isArray(page.results), q).toBe(true);
    }
    expect((await search(member, "")).results).toEqual([]);
    // Syntax characters are only text: each database reads them as it read the text it indexed.
    expect(titles(await search(member, "NEAR(a b)"))).toEqual(["Something to find"]);
    expect(titles(await search(member, 'something "to find'))).toEqual(["Something to find"]);

    const refused = (q: string, cursor?: string) => search(member, q, { cursor }).then(() => null, (error: unknown) => error);
    expect(await refused("word ".repeat(2_000))).toMatchObject({ code: "BAD_REQUEST", message: QUERY_TOO_LONG });
    expect(await refused(`  ${"a".repeat(500)}  `)).toBeNull();
    expect(await refused(Array.from({ length: 21 }, (_, index) => `word${index}`).join(" "))).toMatchObject({ code: "BAD_REQUEST", message: TOO_MANY_TERMS });
    expect(await refused("something", "not a cursor")).toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("search again") });
    const error = await refused("x".repeat(200_000));
    expect(error).toBeInstanceOf(TRPCError);
    expect(error).toMatchObject({ code: "BAD_REQUEST" });
  });

  it("cuts off a script searching in a loop, saying when to try again", async () => {
    const { member } = await searchGroup();
    // The clock stands still, as for a script faster than the refill: on a busy machine sixty
    // searches can take long enough to earn a search back.
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      for (let index = 0; index < 60; index += 1) await search(member, `word${index}`);
      await expect(search(member, "one more")).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS", message: expect.stringContaining("a lot of searches") });
    } finally {
      vi.useRealTimers();
    }
  });
});
