import { describe, expect, it } from "vitest";
import { getDb } from "@/server/db";
import { mentionToken } from "@/lib/mentions";
import { addMember, callerFor, countingCaller, makeGroup, makeUser } from "@/server/test/factories";

async function threadWithMember() {
  const group = await makeGroup();
  const member = await makeUser();
  await addMember(group.id, member.id, "member");
  const { caller } = callerFor(member.id);
  const thread = await caller.thread.create({ groupId: group.id, title: "Charter", body: "Draft" });
  return { group, member, caller, thread };
}

describe("comment.create with a client key", () => {
  it("answers a resend with the comment already made, posting it once", async () => {
    const { caller, thread } = await threadWithMember();
    const input = { threadId: thread.id, body: "Sent while the train went into a tunnel", clientKey: "key-0001-tunnel" };

    const first = await caller.comment.create(input);
    const again = await caller.comment.create(input);

    expect(again.id).toBe(first.id);
    expect(await getDb().comment.count({ where: { threadId: thread.id } })).toBe(1);
    expect((await getDb().thread.findUniqueOrThrow({ where: { id: thread.id } })).commentCount).toBe(1);
  });

  it("posts once when two sendings with one key race", async () => {
    const { caller, thread } = await threadWithMember();
    const input = { threadId: thread.id, body: "Twice at once", clientKey: "key-0002-race" };

    const [a, b] = await Promise.all([caller.comment.create(input), caller.comment.create(input)]);

    expect(a.id).toBe(b.id);
    expect(await getDb().comment.count({ where: { threadId: thread.id } })).toBe(1);
  });

  it("keeps different keys, and no key, as separate comments", async () => {
    const { caller, thread } = await threadWithMember();
    await caller.comment.create({ threadId: thread.id, body: "Same words", clientKey: "key-0003-a" });
    await caller.comment.create({ threadId: thread.id, body: "Same words", clientKey: "key-0003-b" });
    await caller.comment.create({ threadId: thread.id, body: "Same words" });
    await caller.comment.create({ threadId: thread.id, body: "Same words" });

    expect(await getDb().comment.count({ where: { threadId: thread.id } })).toBe(4);
  });

  it("does not let a key reach someone else's comment or another thread", async () => {
    const { group, caller, thread } = await threadWithMember();
    const other = await makeUser();
    await addMember(group.id, other.id, "member");
    const mine = await caller.comment.create({ threadId: thread.id, body: "Mine", clientKey: "key-0004-shared" });

    const theirs = await callerFor(other.id).caller.comment.create({ threadId: thread.id, body: "Theirs", clientKey: "key-0004-shared" });
    expect(theirs.id).not.toBe(mine.id);
    expect(theirs.body).toBe("Theirs");

    const elsewhere = await caller.thread.create({ groupId: group.id, title: "Elsewhere", body: "Other" });
    await expect(caller.comment.create({ threadId: elsewhere.id, body: "Mine", clientKey: "key-0004-shared" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
  });
});

describe("comment.create query counts", () => {
  /** A thread whose author is joined by `people` members who all follow it and want every email. */
  async function busyThread(people: number) {
    const db = getDb();
    const group = await makeGroup();
    const [author, ...others] = await Promise.all(Array.from({ length: people + 1 }, () => makeUser()));
    for (const person of [author!, ...others]) await addMember(group.id, person.id, "member");
    const thread = await callerFor(author!.id).caller.thread.create({ groupId: group.id, title: "Busy", body: "Many eyes" });
    await db.threadFollow.createMany({ data: others.map(({ id }) => ({ userId: id, threadId: thread.id, following: true })) });
    await db.notificationSetting.createMany({ data: others.map(({ id }) => ({ userId: id, scope: group.id, level: "all" as const })) });
    const top = await callerFor(others[0]!.id).caller.comment.create({ threadId: thread.id, body: "First" });
    return { author: author!, others, thread, top };
  }

  async function counts(people: number, mentions: number) {
    const { author, others, thread, top } = await busyThread(people);
    const counted = countingCaller(author.id);
    counted.reset();
    await counted.caller.comment.create({ threadId: thread.id, body: "A plain comment" });
    const plain = counted.reset();
    const body = `${others.slice(1, 1 + mentions).map(mentionToken).join(" ")} have a look`;
    await counted.caller.comment.create({ threadId: thread.id, body, parentId: top.id });
    const reply = counted.reset();
    const notified = await getDb().notification.groupBy({ by: ["kind"], where: { url: { startsWith: `/threads/${thread.id}#` } }, _count: true });
    return { plain, reply, notified: Object.fromEntries(notified.map(({ kind, _count }) => [kind, _count])) };
  }

  it("are a fixed number, one notification pass, however many people follow the thread or are mentioned", async () => {
    for (const [people, mentions] of [
      [3, 1],
      [12, 6],
    ] as const) {
      const { plain, reply, notified } = await counts(people, mentions);
      // The thread access is one Prisma call (thread, group and membership together) since #17.
      expect({ plain, reply }).toEqual({ plain: 16, reply: 17 });
      // Followers (the thread's author among them) hear of the first comment (but its author), the plain one, and the
      // reply unless it reached them otherwise.
      expect(notified).toEqual({ mention: mentions, reply: 1, new_comment: people + people + (people - 1 - mentions) });
    }
  });
});

describe("following your own threads", () => {
  it("the author follows a thread they start and hears about comments others make in it", async () => {
    const { group, member: author, thread } = await threadWithMember();

    const other = await makeUser();
    await addMember(group.id, other.id, "member");
    const comment = await callerFor(other.id).caller.comment.create({ threadId: thread.id, body: "I agree" });

    const heard = await getDb().notification.findMany({ where: { userId: author.id, kind: "new_comment" }, select: { url: true } });
    expect(heard).toEqual([{ url: `/threads/${thread.id}#comment-${comment.id}` }]);
  });

  it("a commenter follows the thread and hears about the next comment", async () => {
    const { group, caller, thread } = await threadWithMember();
    const commenter = await makeUser();
    await addMember(group.id, commenter.id, "member");
    const { caller: asCommenter } = callerFor(commenter.id);
    expect((await asCommenter.thread.byId({ id: thread.id })).viewer.following).toBeNull();

    await asCommenter.comment.create({ threadId: thread.id, body: "First thoughts" });

    await caller.comment.create({ threadId: thread.id, body: "Thanks" });
    expect(await getDb().notification.count({ where: { userId: commenter.id, kind: "new_comment" } })).toBe(1);
  });

  it("does not follow again a thread the person muted, by them starting it or commenting in it", async () => {
    const { group, member: author, caller, thread } = await threadWithMember();
    await caller.thread.follow({ id: thread.id, following: false });
    await caller.comment.create({ threadId: thread.id, body: "One more thing" });
    expect((await caller.thread.byId({ id: thread.id })).viewer.following).toBe(false);

    const other = await makeUser();
    await addMember(group.id, other.id, "member");
    await callerFor(other.id).caller.comment.create({ threadId: thread.id, body: "Noted" });
    expect(await getDb().notification.count({ where: { userId: author.id, kind: "new_comment" } })).toBe(0);
  });
});
