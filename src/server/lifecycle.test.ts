import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { io as connect } from "socket.io-client";
import { afterEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { GET as ready } from "@/app/api/ready/route";
import { closeSharedRedis } from "@/server/cluster/redis";
import { getDb } from "@/server/db";
import { OpenDocuments } from "@/server/documents/open-documents";
import { getEventBus } from "@/server/events";
import { lifecyclePhase, setLifecyclePhase, shutDownGracefully } from "@/server/lifecycle";
import { attachRealtime } from "@/server/realtime/socket-server";
import { makeDocument, makeGroup, makeUser } from "@/server/test/factories";
import { testRedisUrl } from "@/server/test/redis";
import { sessionCookie, SOCKET_SECRET } from "@/server/test/sockets";
import { freePort } from "../../scripts/support/free-port";

/** A server whose /slow requests wait until `release` is called, as a long request in flight would. */
async function serverWithSlowRequests() {
  const waiting: (() => void)[] = [];
  const server = createServer((request, response) => {
    if (request.url === "/slow") waiting.push(() => response.end("finished"));
    else response.end("ok");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return { server, port, release: () => waiting.splice(0).forEach((finish) => finish()), waiting };
}

function get(port: number, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: "127.0.0.1", port, path, agent: false }, (response) => {
      let body = "";
      response.on("data", (chunk: Buffer) => (body += chunk.toString()));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

const until = async (condition: () => boolean) => {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 10));
};

let servers: Server[] = [];
afterEach(() => {
  for (const server of servers) server.closeAllConnections();
  servers = [];
  setLifecyclePhase("starting");
});

describe("readiness with several instances", () => {
  afterEach(async () => {
    delete process.env.REDIS_URL;
    await closeSharedRedis();
  });

  it("fails while Redis cannot be reached, since this instance's people would miss what others do", async () => {
    setLifecyclePhase("ready");
    process.env.REDIS_URL = await testRedisUrl();
    expect((await ready()).status).toBe(200);
    await closeSharedRedis();

    process.env.REDIS_URL = `redis://127.0.0.1:${await freePort()}`;
    const probe = await ready();
    expect(probe.status).toBe(503);
    expect(await probe.json()).toEqual({ status: "error", message: "Redis is not reachable." });
  });
});

describe("a graceful shutdown", () => {
  it("fails readiness at once, refuses new connections, finishes requests in flight, and hands sockets over", async () => {
    const { server, port, release, waiting } = await serverWithSlowRequests();
    servers.push(server);
    const realtime = attachRealtime(server, { db: getDb(), authSecret: SOCKET_SECRET, bus: getEventBus() });
    setLifecyclePhase("ready");
    expect((await ready()).status).toBe(200);

    const user = await makeUser();
    const socket = connect(`http://127.0.0.1:${port}`, { transports: ["websocket"], extraHeaders: { cookie: await sessionCookie(user.id) }, reconnection: false });
    await new Promise<void>((resolve) => socket.once("connect", () => resolve()));
    const disconnected = new Promise<string>((resolve) => socket.once("disconnect", (reason) => resolve(reason)));
    const inFlight = get(port, "/slow");
    await until(() => waiting.length === 1);

    const order: string[] = [];
    const stopping = shutDownGracefully(server, {
      whileDraining: [{ name: "sockets", run: realtime.close }],
      afterRequests: [{ name: "database", run: () => void order.push("after requests") }],
    });

    expect(lifecyclePhase()).toBe("draining");
    const probe = await ready();
    expect(probe.status).toBe(503);
    expect(await probe.json()).toMatchObject({ status: "draining" });
    await expect(get(port, "/")).rejects.toMatchObject({ code: "ECONNREFUSED" });
    // Closed without a disconnect message: socket.io clients then reconnect on their own, to another instance.
    expect(await disconnected).toBe("transport close");

    expect(order).toEqual([]);
    order.push("request finished");
    release();
    expect(await inFlight).toEqual({ status: 200, body: "finished" });
    expect(await stopping).toBe(true);
    expect(order).toEqual(["request finished", "after requests"]);
    socket.close();
  });

  it("gives up on a request that never ends once the time is up, and says so", async () => {
    const { server, port, waiting } = await serverWithSlowRequests();
    servers.push(server);
    const stuck = get(port, "/slow").catch((error: NodeJS.ErrnoException) => error.code);
    await until(() => waiting.length === 1);

    expect(await shutDownGracefully(server, { whileDraining: [], afterRequests: [] }, 100)).toBe(false);
    expect(await stuck).toBe("ECONNRESET");
  });

  it("keeps going when a step fails, so the database is still closed", async () => {
    const { server } = await serverWithSlowRequests();
    const ran: string[] = [];
    const finished = await shutDownGracefully(server, {
      whileDraining: [{ name: "broken", run: () => Promise.reject(new Error("boom")) }],
      afterRequests: [{ name: "database", run: () => void ran.push("database") }],
    });
    expect(finished).toBe(true);
    expect(ran).toEqual(["database"]);
  });
});

describe("open documents on shutdown", () => {
  it("writes every update still queued before the process stops", async () => {
    const [user, group] = [await makeUser(), await makeGroup()];
    const document = await makeDocument({ groupId: group.id, createdById: user.id });
    const documents = new OpenDocuments(getDb());
    const open = await documents.seat(document.id, "socket-1", { userId: user.id, name: user.name, canEdit: true });
    const before = await getDb().documentUpdate.count({ where: { documentId: document.id } });

    const edits = Array.from({ length: 5 }, (_, index) => {
      const doc = new Y.Doc();
      doc.getText("t").insert(0, `edit ${index}`);
      return Y.encodeStateAsUpdate(doc);
    });
    const stored = edits.map((update) => documents.store(open, update, user.id));
    await documents.flush();

    expect(await getDb().documentUpdate.count({ where: { documentId: document.id } })).toBe(before + 5);
    await Promise.all(stored);
    documents.dropAll();
  });
});
