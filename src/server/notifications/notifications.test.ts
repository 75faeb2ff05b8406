import { describe, expect, it } from "vitest";
import { getDb, type Db } from "@/server/db";
import type { DomainEvent } from "@/server/events";
import { notify } from "@/server/notifications/notify";
import { NOTIFICATION_PAGE_SIZE } from "@/server/notifications/schemas";
import { callerFor, makeGroup, makeUser } from "@/server/test/factories";

/** A database whose notification writes are counted by operation, to show notify writes once. */
function countingDb() {
  const operations: string[] = [];
  const db = getDb().$extends({
    query: {
      notification: {
        $allOperations({ operation, args, query }) {
          operations.push(operation);
          return query(args);
        },
      },
    },
  }) as unknown as Db;
  return { db, operations };
}

async function seed(userId: string, count: number, overrides: { groupId?: string; actorId?: string } = {}) {
  const start = Date.now() - count * 1000;
  await getDb().notification.createMany({
    data: Array.from({ length: count }, (_, index) => ({
      userId,
      kind: "new_thread" as const,
      title: `Thread ${index}`,
      url: `/threads/t${index}`,
      createdAt: new Date(start + index * 1000),
      ...overrides,
    })),
  });
}

describe("notify", () => {
  it("writes one row per distinct recipient in one statement, never for the actor, and publishes to each", async () => {
    const [actor, priya, sam] = await Promise.all([makeUser({ name: "Priya Shah" }), makeUser(), makeUser()]);
    const group = await makeGroup({ name: "Steering" });
    const published: DomainEvent[] = [];
    const { db, operations } = countingDb();
    await notify(db, (event) => published.push(event), {
      recipients: [priya.id, sam.id, priya.id, actor.id],
      kind: "mention",
      actorId: actor.id,
      groupId: group.id,
      title: "Charter",
      url: "/threads/abc#comment-def",
    });
    expect(operations).toEqual(["createManyAndReturn"]);
    const rows = await getDb().notification.findMany({ where: { groupId: group.id }, select: { userId: true } });
    expect(rows.map(({ userId }) => userId).sort()).toEqual([priya.id, sam.id].sort());
    expect(published.map(({ room }) => room).sort()).toEqual([`user:${priya.id}`, `user:${sam.id}`].sort());
    expect(published[0]).toMatchObject({
      name: "notification.created",
      payload: {
        kind: "mention",
        summary: `${actor.name} mentioned you in “Charter”`,
        actor: { id: actor.id, name: actor.name },
        group: { id: group.id, name: "Steering" },
        url: "/threads/abc#comment-def",
        read: false,
      },
    });
  });

  it("does nothing when the actor is the only recipient", async () => {
    const actor = await makeUser();
    const { db, operations } = countingDb();
    await notify(db, () => undefined, { recipients: [actor.id], kind: "reply", actorId: actor.id, groupId: null, title: "T", url: "/" });
    expect(operations).toEqual([]);
  });

  it("logs and swallows a failure instead of throwing into the caller", async () => {
    const actor = await makeUser();
    const published: DomainEvent[] = [];
    await expect(
      notify(getDb(), (event) => published.push(event), {
        recipients: ["nobody-with-this-id"],
        kind: "mention",
        actorId: actor.id,
        groupId: null,
        title: "T",
        url: "/",
      }),
    ).resolves.toBeUndefined();
    expect(published).toEqual([]);
    expect(await getDb().notification.count({ where: { userId: "nobody-with-this-id" } })).toBe(0);
  });
});

describe("notification.list", () => {
  it("lists only the caller's own, newest first, 30 a page, with actor, group and summary", async () => {
    const [me, other, actor] = await Promise.all([makeUser(), makeUser(), makeUser({ name: "Ali Reyes" })]);
    const group = await makeGroup({ name: "Circle" });
    await seed(me.id, NOTIFICATION_PAGE_SIZE + 2, { groupId: group.id, actorId: actor.id });
    await seed(other.id, 3);
    const { caller } = callerFor(me.id);

    const first = await caller.notification.list({});
    expect(first.items).toHaveLength(NOTIFICATION_PAGE_SIZE);
    expect(first.items[0]).toMatchObject({
      kind: "new_thread",
      title: `Thread ${NOTIFICATION_PAGE_SIZE + 1}`,
      summary: `Ali Reyes started “Thread ${NOTIFICATION_PAGE_SIZE + 1}” in Circle`,
      actor: { id: actor.id, name: "Ali Reyes" },
      group: { id: group.id, name: "Circle" },
      read: false,
    });
    const second = await caller.notification.list({ cursor: first.nextCursor! });
    expect(second.items.map(({ title }) => title)).toEqual(["Thread 1", "Thread 0"]);
    expect(second.nextCursor).toBeNull();
    const ids = [...first.items, ...second.items].map(({ id }) => id);
    expect(new Set(ids).size).toBe(NOTIFICATION_PAGE_SIZE + 2);

    const theirs = await callerFor(other.id).caller.notification.list({});
    expect(theirs.items).toHaveLength(3);
    expect(theirs.items.every(({ actor: who, group: where }) => who === null && where === null)).toBe(true);
  });

  it("is empty for someone with no notifications", async () => {
    const me = await makeUser();
    expect(await callerFor(me.id).caller.notification.list({})).toEqual({ items: [], nextCursor: null });
  });
});

describe("notification.markRead and notification.unreadCount", () => {
  it("marks the given ones, then all; never anyone else's", async () => {
    const [me, other] = await Promise.all([makeUser(), makeUser()]);
    await seed(me.id, 3);
    await seed(other.id, 2);
    const mine = callerFor(me.id).caller;
    const theirs = callerFor(other.id).caller;
    expect(await mine.notification.unreadCount()).toBe(3);

    const theirIds = (await theirs.notification.list({})).items.map(({ id }) => id);
    expect(await mine.notification.markRead({ ids: theirIds })).toEqual({ count: 0 });
    expect(await theirs.notification.unreadCount()).toBe(2);

    const [newest] = (await mine.notification.list({})).items;
    expect(await mine.notification.markRead({ ids: [newest!.id, ...theirIds] })).toEqual({ count: 1 });
    expect(await mine.notification.unreadCount()).toBe(2);
    expect((await mine.notification.list({})).items.map(({ read }) => read)).toEqual([true, false, false]);

    expect(await mine.notification.markRead({})).toEqual({ count: 2 });
    expect(await mine.notification.unreadCount()).toBe(0);
    expect(await mine.notification.markRead({})).toEqual({ count: 0 });
    expect(await theirs.notification.unreadCount()).toBe(2);
  });

  it("refuses an empty list of ids rather than marking everything", async () => {
    const me = await makeUser();
    await seed(me.id, 1);
    await expect(callerFor(me.id).caller.notification.markRead({ ids: [] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await callerFor(me.id).caller.notification.unreadCount()).toBe(1);
  });

  it("needs a signed-in caller", async () => {
    await expect(callerFor(null).caller.notification.unreadCount()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(callerFor(null).caller.notification.markRead({})).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});
