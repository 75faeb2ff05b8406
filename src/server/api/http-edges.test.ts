import { createServer, get, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { encode } from "next-auth/jwt";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SECURITY_HEADERS, STRICT_TRANSPORT_SECURITY } from "../../../security-headers.mjs";
import { handleTrpcRequest, MAX_BATCH_SIZE } from "@/server/api/http";
import { SESSION_ENDED } from "@/server/auth/session";
import { getDb } from "@/server/db";
import { addMember, callerFor, makeGroup, makeUser } from "@/server/test/factories";

/** The endpoint as serve.ts serves it, on a real HTTP server. */
let server: Server;
let BASE = "";
beforeAll(async () => {
  server = createServer(handleTrpcRequest);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  BASE = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function sessionCookie(userId: string, credentialVersion = 0): Promise<string> {
  const token = await encode({ token: { sub: userId, credentialVersion }, secret: process.env.NEXTAUTH_SECRET! });
  return `next-auth.session-token=${token}`;
}

function request(path: string, init: RequestInit & { headers?: Record<string, string> } = {}) {
  return fetch(`${BASE}/api/trpc/${path}`, init);
}

function mutate(path: string, input: unknown, headers: Record<string, string> = {}) {
  return request(path, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(superjson.serialize(input)),
  });
}

async function message(response: Response): Promise<string> {
  const body = (await response.json()) as { error: { json: { message: string } } } | { error: { json: { message: string } } }[];
  return (Array.isArray(body) ? body[0]! : body).error.json.message;
}

describe("the tRPC endpoint's edges", () => {
  it("refuses an ended session's cookie with 401 and says why", async () => {
    const user = await makeUser();
    const cookie = await sessionCookie(user.id);
    expect((await request("user.me", { headers: { cookie } })).status).toBe(200);

    await callerFor(user.id).caller.user.signOutEverywhere();

    const refused = await request("user.me", { headers: { cookie } });
    expect(refused.status).toBe(401);
    expect(await message(refused)).toBe(SESSION_ENDED);
    expect((await request("user.me", { headers: { cookie: await sessionCookie(user.id, 1) } })).status).toBe(200);
  });

  it("refuses calls from another site's page with 403, before anything runs", async () => {
    const user = await makeUser({ name: "Kept" });
    const cookie = await sessionCookie(user.id);
    const update = { name: "Changed by evil", bio: "" };
    for (const origin of ["https://evil.example", "null", `${BASE}.evil.example`, "http://127.0.0.1"]) {
      const response = await mutate("user.updateProfile", update, { cookie, origin });
      expect(response.status, origin).toBe(403);
      expect(await message(response)).toBe("Calls from other websites are not accepted.");
    }
    expect(await getDb().user.findUniqueOrThrow({ where: { id: user.id }, select: { name: true } })).toEqual({ name: "Kept" });
    expect((await mutate("user.updateProfile", update, { cookie, origin: BASE })).status).toBe(200);
    expect((await mutate("user.updateProfile", update, { cookie })).status).toBe(200);
  });

  it("takes JSON only: a form post (which any site can make a browser send) gets 415", async () => {
    const user = await makeUser({ name: "Kept" });
    const form = new FormData();
    form.set("name", "Changed by a form");
    form.set("bio", "");
    const response = await request("user.updateProfile", { method: "POST", body: form, headers: { cookie: await sessionCookie(user.id) } });
    expect(response.status).toBe(415);
    const plain = await request("user.updateProfile", {
      method: "POST",
      body: JSON.stringify({ json: { name: "Changed as text", bio: "" } }),
      headers: { cookie: await sessionCookie(user.id), "content-type": "text/plain" },
    });
    expect(plain.status).toBe(415);
    expect(await getDb().user.findUniqueOrThrow({ where: { id: user.id }, select: { name: true } })).toEqual({ name: "Kept" });
  });

  it(`answers a batch of more than ${MAX_BATCH_SIZE} calls with 400`, async () => {
    const cookie = await sessionCookie((await makeUser()).id);
    const batch = (size: number) => `${Array.from({ length: size }, () => "user.me").join(",")}?batch=1&input=${encodeURIComponent("{}")}`;
    expect((await request(batch(MAX_BATCH_SIZE), { headers: { cookie } })).status).toBe(200);
    expect((await request(batch(MAX_BATCH_SIZE + 1), { headers: { cookie } })).status).toBe(400);
  });

  it("marks every answer as not to be stored", async () => {
    const cookie = await sessionCookie((await makeUser()).id);
    expect((await request("user.me", { headers: { cookie } })).headers.get("cache-control")).toBe("no-store");
    expect((await request("user.me")).headers.get("cache-control")).toBe("no-store");
  });

  it("sends the headers Next gives every response, and Strict-Transport-Security only behind TLS", async () => {
    const plain = await request("user.me");
    for (const { key, value } of SECURITY_HEADERS) expect(plain.headers.get(key), key).toBe(value);
    expect(plain.headers.get(STRICT_TRANSPORT_SECURITY.key)).toBeNull();
    const behindTls = await request("user.me", { headers: { "x-forwarded-proto": "https" } });
    expect(behindTls.headers.get(STRICT_TRANSPORT_SECURITY.key)).toBe(STRICT_TRANSPORT_SECURITY.value);
  });

  it("gzips answers of 1 KB and more for clients that ask, and only for them", async () => {
    const [member, group] = [await makeUser(), await makeGroup()];
    await addMember(group.id, member.id);
    const { caller } = callerFor(member.id);
    for (let index = 0; index < 12; index++) await caller.thread.create({ groupId: group.id, title: `Thread ${index} about the spring events`, body: "Plans" });
    const cookie = await sessionCookie(member.id);
    const path = `thread.list?input=${encodeURIComponent(JSON.stringify({ json: { groupId: group.id } }))}`;
    // fetch unpacks gzip by itself: Node's http shows the answer as sent.
    const raw = (headers: Record<string, string>) =>
      new Promise<{ encoding: string | undefined; bytes: Buffer }>((resolve, reject) => {
        get(`${BASE}/api/trpc/${path}`, { headers: { cookie, ...headers } }, (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("end", () => resolve({ encoding: response.headers["content-encoding"], bytes: Buffer.concat(chunks) }));
        }).on("error", reject);
      });
    const plain = await raw({});
    expect(plain.encoding).toBeUndefined();
    expect(plain.bytes.length).toBeGreaterThan(1024);
    const zipped = await raw({ "accept-encoding": "gzip" });
    expect(zipped.encoding).toBe("gzip");
    expect(gunzipSync(zipped.bytes).toString()).toBe(plain.bytes.toString());
  });

  it("answers a body beyond 1 MB with 413, having run nothing", async () => {
    const user = await makeUser({ name: "Kept" });
    const response = await mutate("user.updateProfile", { name: "Changed", bio: "x".repeat(1_100_000) }, { cookie: await sessionCookie(user.id) });
    expect(response.status).toBe(413);
    expect(await getDb().user.findUniqueOrThrow({ where: { id: user.id }, select: { name: true } })).toEqual({ name: "Kept" });
  });

  it("answers a broken percent-escape in the path with 400, not 500", async () => {
    expect((await request("user.me%E0%A4%A")).status).toBe(400);
  });

  it("answers huge or impossible page cursors with 400, not 500", async () => {
    const [member, group] = [await makeUser(), await makeGroup()];
    await addMember(group.id, member.id);
    const { caller } = callerFor(member.id);
    const thread = await caller.thread.create({ groupId: group.id, title: "Paging", body: "Pages" });
    const huge = `${"9".repeat(40)}_x`;
    const refused = { code: "BAD_REQUEST" };
    await expect(caller.thread.list({ groupId: group.id, cursor: huge })).rejects.toMatchObject(refused);
    await expect(caller.thread.list({ groupId: group.id, cursor: "x".repeat(100_000) })).rejects.toMatchObject(refused);
    await expect(caller.document.list({ groupId: group.id, cursor: huge })).rejects.toMatchObject(refused);
    await expect(caller.meeting.list({ groupId: group.id, cursor: huge })).rejects.toMatchObject(refused);
    await expect(caller.comment.list({ threadId: thread.id, cursor: "9".repeat(40) })).rejects.toMatchObject(refused);
    await expect(caller.docComment.list({ documentId: "d", cursor: "x".repeat(100_000) })).rejects.toMatchObject(refused);
    await expect(caller.thread.list({ groupId: group.id, cursor: `${Date.now()}_${thread.id}` })).resolves.toHaveProperty("items");
  });

  it("answers a burst of comments beyond the limit with 429 and when to try again", async () => {
    const user = await makeUser();
    const cookie = await sessionCookie(user.id);
    // The bucket refills by one a second while the loop runs, so count until the first refusal.
    const statuses: number[] = [];
    while (statuses.length < 200 && statuses.at(-1) !== 429) {
      statuses.push((await mutate("comment.create", { threadId: "no-such-thread", body: "Hello" }, { cookie })).status);
    }
    expect(statuses.length).toBeGreaterThan(120);
    expect(statuses.slice(0, -1).every((status) => status === 404)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    const refused = await mutate("comment.create", { threadId: "no-such-thread", body: "Hello" }, { cookie });
    expect(await message(refused)).toMatch(/^That is a lot of comments in a short time\. Try again in \d+ seconds?\.$/);
    const someoneElse = await sessionCookie((await makeUser()).id);
    expect((await mutate("comment.create", { threadId: "no-such-thread", body: "Hello" }, { cookie: someoneElse })).status).toBe(404);
  });
});
