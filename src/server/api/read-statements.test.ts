import { describe, expect, it } from "vitest";
import { getDb } from "@/server/db";
import { addMember, callerFor, makeGroup, makeUser } from "@/server/test/factories";
import { sqlCounter } from "@/server/test/sql-count";

/**
 * Issue #17: the reads people make most cost a fixed number of SQL statements, whatever the
 * amount of data. Each count is pinned: a change that adds a statement (or a query per row)
 * fails here and has to say why.
 */
const sql = sqlCounter();
const inOneWeek = () => new Date(Date.now() + 7 * 24 * 60 * 60 * 1000);

/** A group with an admin, `others` members and a viewer (a plain member), and `threads` threads of the admin's. */
async function busyGroup(threads: number, others = 3) {
  const group = await makeGroup();
  const [admin, viewer] = [await makeUser(), await makeUser()];
  await addMember(group.id, admin.id, "admin");
  await addMember(group.id, viewer.id, "member");
  const people = [];
  for (let index = 0; index < others; index++) {
    const person = await makeUser();
    await addMember(group.id, person.id, "member");
    people.push(person);
  }
  const asAdmin = callerFor(admin.id).caller;
  const threadIds = [];
  for (let index = 0; index < threads; index++) {
    const { id } = await asAdmin.thread.create({ groupId: group.id, title: `Thread ${index}`, body: `Body **${index}**`, tags: ["vision", `t${index}`] });
    threadIds.push(id);
  }
  return { group, admin, viewer, people, threadIds, asAdmin };
}

/** `count` comments in the thread by everyone in turn, every fifth a reply, some with reactions. */
async function comment(threadId: string, writers: { id: string }[], count: number) {
  let parentId: string | undefined;
  for (let index = 0; index < count; index++) {
    const caller = callerFor(writers[index % writers.length]!.id).caller;
    const reply = index % 5 === 4 && parentId;
    const written = await caller.comment.create({ threadId, body: `Comment ${index}, *with* markdown`, ...(reply ? { parentId } : {}) });
    if (!reply) parentId = written.id;
    if (index % 3 === 0) await caller.reaction.toggle({ subject: "comment", id: written.id, emoji: "👍" });
  }
}

describe("SQL statements per read", () => {
  it("thread.list: the same few statements for 3 threads and for 30, pinned or not", async () => {
    const small = await busyGroup(3);
    const large = await busyGroup(30);
    await large.asAdmin.thread.pin({ id: large.threadIds[4]!, pinned: true });
    const few = await sql.statements(() => sql.caller(small.viewer.id).thread.list({ groupId: small.group.id }));
    const many = await sql.statements(() => sql.caller(large.viewer.id).thread.list({ groupId: large.group.id }));
    // The session, the group's settings with the viewer's membership, the pinned threads, the page
    // (with authors and read marks) and the tags. Before #17's sixth round: 8, and 4 more for a
    // pinned thread (Prisma loads each relation with a statement of its own).
    expect(few).toHaveLength(5);
    expect(many).toHaveLength(few.length);
  });

  it("comment.list: the same statements for a short thread and a long one", async () => {
    const { viewer, admin, people, threadIds } = await busyGroup(2);
    const writers = [admin, ...people];
    await comment(threadIds[0]!, writers, 4);
    await comment(threadIds[1]!, writers, 60);
    const short = await sql.statements(() => sql.caller(viewer.id).comment.list({ threadId: threadIds[0]!, anchor: "firstUnread" }));
    const long = await sql.statements(() => sql.caller(viewer.id).comment.list({ threadId: threadIds[1]!, anchor: "firstUnread" }));
    // The session, the thread with its group and the viewer's membership (one statement since
    // #17's sixth round; three before), the first unread comment after the read mark (one; two
    // before), the page with its replies and authors (one; three before), and their reactions with
    // the reactors' names.
    expect(short).toHaveLength(5);
    expect(long).toHaveLength(short.length);
  });

  it("poll.results: the same statements for 2 votes and for 8", async () => {
    const counts = [];
    for (const voters of [2, 8]) {
      const { group, admin, viewer, people, asAdmin } = await busyGroup(0, voters);
      const { id } = await asAdmin.poll.create({ groupId: group.id, kind: "proposal", title: "Adopt it?", closingAt: inOneWeek() });
      const [agree] = (await asAdmin.poll.byId({ id })).options;
      for (const person of people) await callerFor(person.id).caller.poll.vote({ pollId: id, choices: [{ optionId: agree!.id }], reason: "Yes" });
      counts.push(await sql.statements(() => sql.caller(viewer.id).poll.results({ pollId: id })));
      expect(admin.id).toBeDefined();
    }
    // The session; the poll with whether the viewer was chosen, has voted and is a guest of its
    // thread, its group's settings and the viewer's membership (one statement since #17's sixth
    // round; three before); the poll's settings with its participation count, its options, the
    // eligible count; the ballots, their voters and their choices. Before #17's third round: 14
    // (the chosen voters and the thread's guests loaded for everyone, the voter's participation on
    // its own).
    expect(counts[0]).toHaveLength(8);
    expect(counts[1]).toHaveLength(counts[0]!.length);
  });

  it("poll.byId and poll.results in one request: one poll access for both", async () => {
    const { group, viewer, asAdmin } = await busyGroup(0, 2);
    const { id } = await asAdmin.poll.create({ groupId: group.id, kind: "proposal", title: "Adopt it?", closingAt: inOneWeek() });
    const caller = sql.caller(viewer.id);
    const both = await sql.statements(() => Promise.all([caller.poll.byId({ id }), caller.poll.results({ pollId: id })]));
    expect(both.filter((statement) => /FROM "Poll" AS p/.test(statement))).toHaveLength(1);
  });

  it("the thread page's render: one session check and one thread access for its three calls", async () => {
    const { viewer, admin, people, threadIds } = await busyGroup(1);
    await comment(threadIds[0]!, [admin, ...people], 60);
    const caller = sql.caller(viewer.id);
    // As src/app/threads/[id]/page.tsx loads it, with one request's memo.
    const render = await sql.statements(() =>
      Promise.all([caller.thread.byId({ id: threadIds[0]! }), caller.comment.list({ threadId: threadIds[0]!, anchor: "firstUnread" }), caller.user.me()]),
    );
    expect(render.filter((statement) => /credentialVersion/.test(statement))).toHaveLength(1);
    // Before #17's second round: 36 (the session three times, the thread access twice, empty lists'
    // relations); 20 before the sixth (the thread access, the thread, the first unread comment,
    // the comments with their replies and authors, the reactions and the person signed in each
    // took two or more).
    expect(render).toHaveLength(10);
  });

  it("notification.unreadCount: the session and the count", async () => {
    const { viewer } = await busyGroup(3);
    expect(await getDb().notification.count({ where: { userId: viewer.id, readAt: null } })).toBeGreaterThan(0);
    expect(await sql.statements(() => sql.caller(viewer.id).notification.unreadCount())).toHaveLength(2);
  });
});
