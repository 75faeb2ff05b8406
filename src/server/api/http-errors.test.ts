import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { describe, expect, it } from "vitest";
import { appRouter } from "@/server/api/root";
import { RECORD_GONE } from "@/server/api/trpc";
import { getDb } from "@/server/db";
import { addMember, callerFor, makeGroup, makeUser } from "@/server/test/factories";

/** Calls the router the way the browser does, so the error formatter is part of what is tested. */
function call(path: string, init: RequestInit & { userId?: string | null } = {}) {
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req: new Request(`http://localhost/api/trpc/${path}`, init),
    router: appRouter,
    createContext: () => ({ db: getDb(), userId: init.userId ?? null, publish: () => undefined }),
  });
}

function post(path: string, json: unknown) {
  return call(path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ json }) });
}

describe("errors over HTTP", () => {
  it("explains malformed input field by field, with no stack trace", async () => {
    const response = await post("setup.createAdmin", { name: "", email: "nope", password: "x" });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { json: { message: string; data: Record<string, unknown> } } };
    expect(body.error.json.message).toBe(
      "name: Enter a name\nemail: Enter a valid email address\npassword: Use at least 10 characters",
    );
    expect(body.error.json.data.fieldErrors).toMatchObject({ email: ["Enter a valid email address"] });
    expect(JSON.stringify(body)).not.toMatch(/stack|at .*\.ts/);
    expect(await getDb().user.count()).toBe(0);
  });

  it("answers an unknown procedure with 404 and a message", async () => {
    const response = await call("nothing.here");
    expect(response.status).toBe(404);
    const body = (await response.json()) as { error: { json: { message: string } } };
    expect(body.error.json.message).toMatch(/No procedure found/i);
  });

  it("answers a signed-out call to a protected procedure with 401 and a message", async () => {
    const response = await call("user.me");
    expect(response.status).toBe(401);
    const body = (await response.json()) as { error: { json: { message: string } } };
    expect(body.error.json.message).toBe("Please sign in first.");
  });

  it("answers a row deleted by someone else between a check and a read with 404 and a message, not a failure", async () => {
    const group = await makeGroup();
    const admin = await makeUser();
    await addMember(group.id, admin.id, "admin");
    const thread = await callerFor(admin.id).caller.thread.create({ groupId: group.id, title: "Going", body: "b" });
    const db = getDb();
    // thread.revisions reads the thread's row after its access check: it is deleted just then.
    const threads = new Proxy(db.thread, {
      get: (target, key) =>
        key === "findUniqueOrThrow"
          ? async (args: Parameters<typeof db.thread.findUniqueOrThrow>[0]) => {
              await callerFor(admin.id).caller.thread.delete({ threadId: thread.id });
              return target.findUniqueOrThrow(args);
            }
          : Reflect.get(target, key),
    });
    const racing = new Proxy(db, { get: (target, key) => (key === "thread" ? threads : Reflect.get(target, key)) });
    const response = await fetchRequestHandler({
      endpoint: "/api/trpc",
      req: new Request(`http://localhost/api/trpc/thread.revisions?input=${encodeURIComponent(JSON.stringify({ json: { id: thread.id } }))}`),
      router: appRouter,
      createContext: () => ({ db: racing, userId: admin.id, publish: () => undefined }),
    });
    expect(response.status).toBe(404);
    const body = (await response.json()) as { error: { json: { message: string } } };
    expect(body.error.json.message).toBe(RECORD_GONE);
  });

  it("refuses a body that is not JSON with 400", async () => {
    const response = await call("setup.createAdmin", { method: "POST", headers: { "content-type": "application/json" }, body: "{oops" });
    expect(response.status).toBe(400);
  });
});
