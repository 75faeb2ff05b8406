import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createHTTPHandler } from "@trpc/server/adapters/standalone";
import compression from "compression";
import { encode } from "next-auth/jwt";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCallContext, handleTrpcRequest, MAX_BATCH_SIZE, TRPC_PATH } from "@/server/api/http";
import { appRouter } from "@/server/api/root";
import { addMember, callerFor, makeGroup, makeUser } from "@/server/test/factories";

/**
 * serve.ts answers tRPC calls through resolveResponse with Node's request as it is, instead of
 * tRPC's Node adapter (which builds a fetch Request and writes through web streams). The answers
 * must be the same: every request below goes to both, and status, body and headers must match.
 */
let ours: Server;
let trpcs: Server;
const listen = (handler: (request: IncomingMessage, response: ServerResponse) => void) =>
  new Promise<Server>((resolve) => {
    const server = createServer(handler);
    server.listen(0, "127.0.0.1", () => resolve(server));
  });
const base = (server: Server) => `http://127.0.0.1:${(server.address() as AddressInfo).port}${TRPC_PATH}`;

beforeAll(async () => {
  ours = await listen(handleTrpcRequest);
  const reference = createHTTPHandler({
      basePath: TRPC_PATH,
      router: appRouter,
      maxBatchSize: MAX_BATCH_SIZE,
      maxBodySize: 1_000_000,
      allowMethodOverride: false,
      createContext: ({ req }) => createCallContext(req),
      responseMeta: () => ({ headers: { "cache-control": "no-store" } }),
  });
  // Compressed (or marked Vary: Accept-Encoding) the same way as serve.ts's answers.
  const compress = compression();
  type CompressionArguments = Parameters<typeof compress>;
  trpcs = await listen((request, response) =>
    compress(request as CompressionArguments[0], response as CompressionArguments[1], () => reference(request, response)),
  );
});
afterAll(async () => {
  await Promise.all([ours, trpcs].map((server) => new Promise((resolve) => server.close(resolve))));
});

/** The headers tRPC decides (not the transport's framing, the date, or the security headers serve.ts adds). */
const TRPC_HEADERS = ["content-type", "vary", "cache-control", "set-cookie"];

async function both(path: string, init: RequestInit = {}) {
  const answers = await Promise.all(
    [ours, trpcs].map(async (server) => {
      const response = await fetch(`${base(server)}${path}`, init);
      return {
        status: response.status,
        body: await response.text(),
        headers: Object.fromEntries(TRPC_HEADERS.map((name) => [name, response.headers.get(name)])),
      };
    }),
  );
  return { ours: answers[0]!, trpcs: answers[1]! };
}

const query = (path: string, input: unknown) => `${path}?input=${encodeURIComponent(JSON.stringify(superjson.serialize(input)))}`;

describe("tRPC answers from serve.ts", () => {
  it("are the ones tRPC's own Node adapter gives, for reads, batches, writes and every kind of refusal", async () => {
    const [member, group] = [await makeUser(), await makeGroup()];
    await addMember(group.id, member.id);
    const { caller } = callerFor(member.id);
    for (let index = 0; index < 3; index++) await caller.thread.create({ groupId: group.id, title: `Thread ${index}`, body: "Plans" });
    const cookie = `next-auth.session-token=${await encode({ token: { sub: member.id, credentialVersion: 0 }, secret: process.env.NEXTAUTH_SECRET! })}`;
    const json = { "content-type": "application/json", cookie };
    const batchInput = encodeURIComponent(JSON.stringify({ 0: superjson.serialize({ groupId: group.id }), 1: superjson.serialize(undefined) }));
    const cases: [string, RequestInit][] = [
      [query("thread.list", { groupId: group.id }), { headers: { cookie } }],
      [`thread.list,notification.unreadCount?batch=1&input=${batchInput}`, { headers: { cookie } }],
      ["notification.unreadCount", { headers: { cookie } }],
      ["notification.unreadCount", {}],
      [query("thread.list", { groupId: "no-such-group" }), { headers: { cookie } }],
      [query("thread.list", { groupId: 7 }), { headers: { cookie } }],
      ["no.such.procedure", { headers: { cookie } }],
      ["user.me%E0%A4%A", { headers: { cookie } }],
      [`${Array.from({ length: MAX_BATCH_SIZE + 1 }, () => "user.me").join(",")}?batch=1&input=%7B%7D`, { headers: { cookie } }],
      ["thread.list?input=%7Bbroken", { headers: { cookie } }],
      ["user.updateProfile", { method: "POST", headers: json, body: JSON.stringify(superjson.serialize({ name: "Renamed", bio: "" })) }],
      ["user.updateProfile", { method: "POST", headers: json, body: "{oops" }],
      ["user.updateProfile", { method: "POST", headers: json, body: JSON.stringify({ json: { name: "x".repeat(1_100_000), bio: "" } }) }],
      ["user.updateProfile", { method: "POST", headers: { ...json, origin: "https://evil.example" }, body: "{}" }],
      ["user.updateProfile", { method: "POST", headers: { cookie, "content-type": "text/plain" }, body: "{}" }],
      ["notification.unreadCount", { method: "POST", headers: json, body: "{}" }],
      [query("user.updateProfile", { name: "By GET", bio: "" }), { headers: { cookie } }],
    ];
    for (const [path, init] of cases) {
      const { ours: mine, trpcs: theirs } = await both(path, init);
      expect(mine, `${init.method ?? "GET"} ${path.slice(0, 80)}`).toEqual(theirs);
    }
  });
});
