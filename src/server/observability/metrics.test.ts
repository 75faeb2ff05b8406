import { describe, expect, it } from "vitest";
import { getDb } from "@/server/db";
import { requestLogFields } from "@/server/logger";
import { addressKind, countJobRun, getMetrics } from "@/server/observability/metrics";
import { metricsAccess } from "@/server/observability/metrics-access";
import { requestContextStore, requestIdFrom } from "@/server/observability/request-context";
import { callerFor, makeGroup, makeUser, addMember } from "@/server/test/factories";

const TOKEN = "a-metrics-token-that-is-long-enough-0123456789";
const sample = async (line: RegExp) => {
  const text = await getMetrics().registry.metrics();
  return Number(text.split("\n").find((candidate) => line.test(candidate))?.split(" ").at(-1) ?? 0);
};

describe("who may read the metrics", () => {
  it("the instance administrator, or a scraper with the configured token; nobody else", async () => {
    const db = getDb();
    const admin = await makeUser({ isAdmin: true });
    const member = await makeUser();
    await addMember((await makeGroup()).id, member.id, "admin");

    process.env.HEARTH_METRICS_TOKEN = TOKEN;
    try {
      expect(await metricsAccess(db, { authorization: `Bearer ${TOKEN}`, userId: null })).toEqual({ ok: true });
      expect(await metricsAccess(db, { authorization: `Bearer ${TOKEN}x`, userId: null })).toMatchObject({ ok: false, status: 401 });
      expect(await metricsAccess(db, { authorization: null, userId: admin.id })).toEqual({ ok: true });
      expect(await metricsAccess(db, { authorization: null, userId: member.id }), "a group admin is not the instance admin").toMatchObject({ ok: false, status: 403 });
      expect(await metricsAccess(db, { authorization: null, userId: null })).toMatchObject({ ok: false, status: 401 });
    } finally {
      delete process.env.HEARTH_METRICS_TOKEN;
    }
    expect(await metricsAccess(db, { authorization: `Bearer ${TOKEN}`, userId: null }), "no token configured, none accepted").toMatchObject({ ok: false, status: 401 });
  });
});

describe("what the metrics count", () => {
  it("counts and times procedure calls by procedure and outcome", async () => {
    const user = await makeUser();
    const ok = /^hearth_procedure_calls_total\{procedure="user.me",outcome="ok"\}/;
    const refused = /^hearth_procedure_calls_total\{procedure="user.me",outcome="UNAUTHORIZED"\}/;
    const timed = /^hearth_procedure_duration_seconds_count\{procedure="user.me"\}/;
    const before = { ok: await sample(ok), refused: await sample(refused), timed: await sample(timed) };

    await callerFor(user.id).caller.user.me();
    await expect(callerFor(null).caller.user.me()).rejects.toMatchObject({ code: "UNAUTHORIZED" });

    expect(await sample(ok)).toBe(before.ok + 1);
    expect(await sample(refused)).toBe(before.refused + 1);
    expect(await sample(timed)).toBe(before.timed + 2);
  });

  it("counts background job runs and their failures", async () => {
    const ok = /^hearth_job_runs_total\{job="test-job",outcome="ok"\}/;
    const failed = /^hearth_job_runs_total\{job="test-job",outcome="failed"\}/;
    expect(await countJobRun("test-job", Promise.resolve(7))).toBe(7);
    await expect(countJobRun("test-job", Promise.reject(new Error("down")))).rejects.toThrow("down");
    expect(await sample(ok)).toBe(1);
    expect(await sample(failed)).toBe(1);
  });

  it("labels HTTP requests by a few kinds of address, never by the path itself", () => {
    expect(["/api/trpc/user.me", "/socket.io/?EIO=4", "/_next/static/x.js", "/api/ready", "/threads/abc123"].map(addressKind)).toEqual([
      "trpc",
      "socket",
      "asset",
      "api",
      "page",
    ]);
  });
});

describe("request ids", () => {
  it("take a well-formed id from the proxy, else make one, and reach every log line written for the request", () => {
    expect(requestIdFrom("edge-7f3a9c21")).toBe("edge-7f3a9c21");
    expect(requestIdFrom("bad id\nwith a newline")).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestIdFrom(undefined)).not.toBe(requestIdFrom(undefined));
    expect(requestLogFields()).toEqual({});
    requestContextStore().run({ requestId: "edge-7f3a9c21" }, () => expect(requestLogFields()).toEqual({ reqId: "edge-7f3a9c21" }));
  });
});
