import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createCaller } from "@/server/api/root";
import { relayEventsThroughRedis } from "@/server/cluster/event-relay";
import { getDb } from "@/server/db";
import { typeInto } from "@/server/documents/test-editing";
import { EventBus } from "@/server/events";
import { attachRealtime } from "@/server/realtime/socket-server";
import { addMember, makeDocument, makeGroup, makeUser } from "@/server/test/factories";
import { testRedisUrl } from "@/server/test/redis";
import {
  eventually,
  heardNamed,
  joinThread,
  openDocument as openIn,
  person,
  roomsOf,
  SOCKET_SECRET,
  storedText,
  type Heard,
} from "@/server/test/sockets";

/**
 * Two Hearth instances in one test process, as two would run behind one address: each with its
 * own event bus (relayed through one Redis) and its own socket.io server (with the Redis
 * adapter), sharing the database. What one instance's people do reaches the other's.
 */

const cleanups: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function startInstance() {
  const redisUrl = await testRedisUrl();
  const bus = new EventBus();
  const relay = await relayEventsThroughRedis(bus, redisUrl);
  const httpServer = createServer();
  const realtime = attachRealtime(httpServer, { db: getDb(), authSecret: SOCKET_SECRET, bus, redisUrl });
  await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
  cleanups.push(() => relay.close(), () => realtime.close());
  return {
    url: `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`,
    io: realtime.io,
    /** Procedures called through this instance publish on its bus, as its tRPC handler does. */
    caller: (userId: string) => createCaller({ db: getDb(), userId, publish: bus.publish }),
  };
}

/** The person's tab on one instance with the document open, hearing every event. */
async function openDocument(url: string, userId: string, documentId: string) {
  const { socket, heard } = await person(url, userId);
  return { socket, heard, ...(await openIn(socket, documentId)) };
}

async function scenario() {
  const group = await makeGroup();
  const [ada, mia, ben] = [await makeUser({ name: "Ada" }), await makeUser({ name: "Mia" }), await makeUser({ name: "Ben" })];
  await addMember(group.id, ada.id, "admin");
  await addMember(group.id, mia.id);
  await addMember(group.id, ben.id);
  return { group, ada, mia, ben };
}

describe("two instances behind one address", () => {
  it("a comment posted through A reaches the thread and group rooms of sockets connected to B, once, with typing both ways", async () => {
    const [a, b] = [await startInstance(), await startInstance()];
    const { group, ada, mia, ben } = await scenario();
    const thread = await a.caller(ada.id).thread.create({ groupId: group.id, title: "Budget", body: "Members only" });
    const [miaOnA, benOnB] = [await person(a.url, mia.id), await person(b.url, ben.id)];
    expect(await joinThread(miaOnA.socket, thread.id)).toEqual({ ok: true });
    expect(await joinThread(benOnB.socket, thread.id)).toEqual({ ok: true });

    await a.caller(ada.id).comment.create({ threadId: thread.id, body: "Posted through A" });
    await eventually(() => {
      expect(heardNamed(benOnB.heard, "comment.created").map(({ body }) => body)).toEqual(["Posted through A"]);
      expect(heardNamed(benOnB.heard, "thread.activity")).toEqual([{ groupId: group.id, threadId: thread.id }]);
      expect(heardNamed(miaOnA.heard, "comment.created").map(({ body }) => body)).toEqual(["Posted through A"]);
    });
    // Presence lists everyone in the room, whichever instance holds their socket.
    await eventually(() =>
      expect(heardNamed(benOnB.heard, "thread.presence").at(-1)?.viewers).toEqual(
        expect.arrayContaining([{ id: mia.id, name: "Mia" }, { id: ben.id, name: "Ben" }]),
      ),
    );

    benOnB.socket.emit("thread.typing", { threadId: thread.id, typing: true });
    await eventually(() => expect(heardNamed(miaOnA.heard, "thread.typing")).toEqual([{ threadId: thread.id, user: { id: ben.id, name: "Ben" }, typing: true }]));
    // Nothing arrives twice, though both instances heard every event.
    await b.caller(ada.id).comment.create({ threadId: thread.id, body: "Posted through B" });
    await eventually(() => expect(heardNamed(miaOnA.heard, "comment.created").map(({ body }) => body)).toEqual(["Posted through A", "Posted through B"]));
    expect(heardNamed(benOnB.heard, "comment.created").map(({ body }) => body)).toEqual(["Posted through A", "Posted through B"]);
  });

  it("a member removed through A is taken out of B's rooms at once and hears nothing said afterwards", async () => {
    const [a, b] = [await startInstance(), await startInstance()];
    const { group, ada, mia, ben } = await scenario();
    const thread = await a.caller(ada.id).thread.create({ groupId: group.id, title: "Budget", body: "Members only" });
    const [miaOnB, benOnB] = [await person(b.url, mia.id), await person(b.url, ben.id)];
    expect(await joinThread(miaOnB.socket, thread.id)).toEqual({ ok: true });
    expect(await joinThread(benOnB.socket, thread.id)).toEqual({ ok: true });

    await a.caller(ada.id).member.remove({ groupId: group.id, userId: mia.id });
    await a.caller(ada.id).comment.create({ threadId: thread.id, body: "Said after Mia left" });
    await eventually(() => expect(heardNamed(benOnB.heard, "comment.created").map(({ body }) => body)).toEqual(["Said after Mia left"]));
    await eventually(() => expect(roomsOf(b.io, miaOnB.socket)).toEqual([`user:${mia.id}`]));
    expect(heardNamed(miaOnB.heard, "comment.created")).toEqual([]);
    expect(heardNamed(miaOnB.heard, "access.revoked")).toEqual([expect.objectContaining({ room: "thread", id: thread.id })]);
  });

  it("a document edited on A reaches an editor on B; both converge, it is stored once, and B's newcomers load it with cursors and presence", async () => {
    const [a, b] = [await startInstance(), await startInstance()];
    const { group, ada, mia, ben } = await scenario();
    const document = await makeDocument({ groupId: group.id, createdById: ada.id, title: "Vision" });
    const onA = await openDocument(a.url, mia.id, document.id);
    const onB = await openDocument(b.url, ben.id, document.id);

    typeInto(onA.doc, 0, "Hello");
    await eventually(() => expect(onB.text()).toBe("Hello"));
    for (let i = 0; i < 10; i++) {
      typeInto(onA.doc, 0, "a");
      typeInto(onB.doc, onB.text().length, "b");
    }
    await eventually(() => {
      expect(onA.text()).toBe(onB.text());
      expect(onA.text().length).toBe(25);
      expect(onA.sync.current.status).toBe("saved");
      expect(onB.sync.current.status).toBe("saved");
    });
    expect(await storedText(document.id)).toBe(onA.text());
    // Each change is stored by the instance that received it, and by no other.
    const rows = await getDb().documentUpdate.findMany({ where: { documentId: document.id }, select: { data: true } });
    const distinct = new Set(rows.map(({ data }) => Buffer.from(data).toString("base64")));
    expect(distinct.size).toBe(rows.length);

    onA.awareness.setLocalStateField("cursor", { at: 3 });
    await eventually(() => expect([...onB.awareness.getStates().values()].some((state) => state.cursor?.at === 3)).toBe(true));

    // Someone opening the document on B gets everything from B's copy, cursors included.
    const late = await openDocument(b.url, ada.id, document.id);
    expect(late.text()).toBe(onA.text());
    await eventually(() => expect([...late.awareness.getStates().values()].some((state) => state.cursor?.at === 3)).toBe(true));
    const editorsSeen = (heard: Heard[]) => (heardNamed(heard, "document.presence").at(-1)?.editors as { id: string }[] | undefined)?.map(({ id }) => id).sort();
    await eventually(() => {
      expect(editorsSeen(onA.heard)).toEqual([ada.id, ben.id, mia.id].sort());
      expect(editorsSeen(late.heard)).toEqual([ada.id, ben.id, mia.id].sort());
    });
  });
});
