import { setTimeout as delay } from "node:timers/promises";
import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { freePort } from "../../../scripts/support/free-port";
import { runJobTurn, takeLock } from "@/server/cluster/job-lock";
import { connectRedis } from "@/server/cluster/redis";
import { getDb } from "@/server/db";
import type { DomainEvent } from "@/server/events";
import { sendMail } from "@/server/mail/service";
import { startSmtpListener } from "@/server/mail/test-smtp";
import { startMailWorker } from "@/server/mail/worker";
import { startDigestScheduler } from "@/server/notifications/digest";
import { getMetrics } from "@/server/observability/metrics";
import { startPollScheduler } from "@/server/polls/scheduler";
import { addMember, callerFor, makeGroup, makeUser } from "@/server/test/factories";
import { inOneWeek, pollGroup } from "@/server/test/poll-fixtures";
import { testRedis } from "@/server/test/redis";

const HOUR = 60 * 60 * 1000;
const until = { timeout: 10_000, interval: 50 };

/** Two Hearth instances sharing the test database: each with its own connection to the one Redis, ready to send at once. */
async function twoInstances(): Promise<[Redis, Redis]> {
  const [a, b] = [await testRedis(), await testRedis()];
  await Promise.all([a.ping(), b.ping()]);
  return [a, b];
}

/** hearth_job_runs_total for `job`, by outcome. */
async function turns(job: string) {
  const { values } = await getMetrics().jobRuns.get();
  const count = (outcome: string) => values.find(({ labels }) => labels.job === job && labels.outcome === outcome)?.value ?? 0;
  return { ok: count("ok"), skipped: count("skipped"), failed: count("failed") };
}

/** Waits until `count` more turns of `job` have run or been skipped, and answers how many of them were skipped. */
async function afterTurns(job: string, count: number, start: () => () => unknown): Promise<{ skipped: number }> {
  const before = await turns(job);
  const stop = start();
  try {
    await vi.waitFor(async () => {
      const now = await turns(job);
      expect(now.ok + now.skipped + now.failed - (before.ok + before.skipped + before.failed)).toBe(count);
    }, until);
  } finally {
    await stop();
  }
  return { skipped: (await turns(job)).skipped - before.skipped };
}

describe("runJobTurn", () => {
  it("runs every turn without Redis, as a single instance does", async () => {
    expect(await runJobTurn("alone", null, async () => "done")).toEqual({ ran: true, result: "done" });
    expect(await runJobTurn("alone", null, async () => "again")).toEqual({ ran: true, result: "again" });
  });

  it("lets one instance run a turn while the other skips it and counts the skip, then frees it for the next turn", async () => {
    const [a, b] = await twoInstances();
    let finish = () => {};
    const before = await turns("one-at-a-time");
    const first = runJobTurn("one-at-a-time", a, () => new Promise<string>((resolve) => (finish = () => resolve("first"))));
    await vi.waitFor(async () => expect(await b.exists("hearth:job:one-at-a-time")).toBe(1), until);
    expect(await runJobTurn("one-at-a-time", b, async () => "second")).toEqual({ ran: false });
    finish();
    expect(await first).toEqual({ ran: true, result: "first" });
    expect(await runJobTurn("one-at-a-time", b, async () => "third")).toEqual({ ran: true, result: "third" });
    expect(await turns("one-at-a-time")).toEqual({ ok: before.ok + 2, skipped: before.skipped + 1, failed: before.failed });
  });

  it("keeps the lock for as long as a run takes, beyond its ttl", async () => {
    const [a, b] = await twoInstances();
    let finish = () => {};
    const long = runJobTurn("long", a, () => new Promise<void>((resolve) => (finish = resolve)), 300);
    await vi.waitFor(async () => expect(await b.exists("hearth:job:long")).toBe(1), until);
    for (const started = Date.now(); Date.now() - started < 1200; await delay(100)) {
      expect(await runJobTurn("long", b, async () => "too soon", 300)).toEqual({ ran: false });
    }
    finish();
    await long;
    expect((await runJobTurn("long", b, async () => "now", 300)).ran).toBe(true);
  });

  it("frees the lock of a run that failed, passing its error on", async () => {
    const [a, b] = await twoInstances();
    await expect(runJobTurn("failing", a, async () => Promise.reject(new Error("disk full")))).rejects.toThrow("disk full");
    expect(await runJobTurn("failing", b, async () => "next")).toEqual({ ran: true, result: "next" });
  });

  it("lets another instance run once the lock of a run that crashed has expired", async () => {
    const [crashing, survivor] = await twoInstances();
    let finish = () => {};
    const stuck = runJobTurn("crash", crashing, () => new Promise<void>((resolve) => (finish = resolve)), 500);
    await vi.waitFor(async () => expect(await survivor.exists("hearth:job:crash")).toBe(1), until);
    expect(await runJobTurn("crash", survivor, async () => "survivor", 500)).toEqual({ ran: false });

    // The crashed instance is gone: nothing renews its lock, nor releases it.
    crashing.disconnect();
    await vi.waitFor(async () => expect(await runJobTurn("crash", survivor, async () => "survivor", 500)).toEqual({ ran: true, result: "survivor" }), until);
    finish();
    await stuck;
  });

  it("runs the turn when Redis cannot be reached: the database claims keep the work to once", async () => {
    const redis = connectRedis(`redis://127.0.0.1:${await freePort()}`, "test-unreachable");
    try {
      expect(await runJobTurn("unreachable", redis, async () => "ran anyway")).toEqual({ ran: true, result: "ran anyway" });
    } finally {
      redis.disconnect();
    }
  });
});

describe("background jobs on two instances", () => {
  it("close an overdue poll once, announcing it once, when both poll schedulers start together", async () => {
    const instances = await twoInstances();
    const { group, admin, as } = await pollGroup();
    const { id } = await as(admin).poll.create({ groupId: group.id, kind: "proposal", title: "Overdue", closingAt: inOneWeek() });
    await getDb().poll.update({ where: { id }, data: { closingAt: new Date(Date.now() - 60_000) } });

    const published: DomainEvent[] = [];
    const { skipped } = await afterTurns("polls", 2, () => {
      const stops = instances.map((redis) => startPollScheduler(getDb(), (event) => published.push(event), { redis, intervalMs: HOUR }));
      return () => stops.forEach((stop) => stop());
    });

    expect(skipped).toBe(1);
    expect((await getDb().poll.findUniqueOrThrow({ where: { id } })).closedAt).not.toBeNull();
    expect(published.filter((event) => event.name === "poll.updated" && event.payload.pollId === id)).toHaveLength(1);
  });

  it("send a digest once per person when both digest schedulers start together", async () => {
    const instances = await twoInstances();
    const [admin, alice, bob] = await Promise.all([makeUser(), makeUser(), makeUser()]);
    const group = await makeGroup();
    await addMember(group.id, admin.id, "admin");
    for (const person of [alice, bob]) {
      await addMember(group.id, person.id);
      await callerFor(person.id).caller.notificationSettings.update({ level: "digest" });
    }
    await callerFor(admin.id).caller.thread.create({ groupId: group.id, title: "Spring fair", body: "Who can help?" });

    const { skipped } = await afterTurns("digest", 2, () => {
      const stops = instances.map((redis) => startDigestScheduler(getDb(), { hour: 0, timeZone: "UTC" }, { redis, intervalMs: HOUR }));
      return () => stops.forEach((stop) => stop());
    });

    expect(skipped).toBe(1);
    for (const person of [alice, bob]) {
      const digests = await getDb().outboxMessage.findMany({ where: { to: person.email, subject: { startsWith: "Your daily digest" } } });
      expect(digests).toHaveLength(1);
    }
  });

  describe("mail workers", () => {
    let smtp: Awaited<ReturnType<typeof startSmtpListener>>;
    const previousSmtpUrl = process.env.SMTP_URL;
    beforeAll(async () => {
      smtp = await startSmtpListener();
      process.env.SMTP_URL = smtp.url;
    });
    afterAll(async () => {
      process.env.SMTP_URL = previousSmtpUrl;
      await smtp.close();
    });

    const address = () => `person-${Math.random().toString(36).slice(2, 10)}@example.test`;
    const receivedBy = (to: string) => smtp.received.filter((mail) => mail.to.includes(to));

    it("send each queued message once when both start together", async () => {
      const instances = await twoInstances();
      const recipients = [address(), address(), address()];
      for (const to of recipients) await sendMail(getDb(), to, "Minutes", { heading: "Minutes", paragraphs: ["Attached."] });

      const { skipped } = await afterTurns("mail", 2, () => {
        const stops = instances.map((redis) => startMailWorker(getDb(), { redis, intervalMs: HOUR }));
        return () => Promise.all(stops.map((stop) => stop()));
      });

      expect(skipped).toBe(1);
      for (const to of recipients) expect(receivedBy(to)).toHaveLength(1);
    });

    it("send mail queued during another instance's pass as soon as that pass ends, not at the next interval", async () => {
      const [here, elsewhere] = await twoInstances();
      const otherPass = await takeLock(elsewhere, "hearth:job:mail", 60_000);
      const before = await turns("mail");
      const stop = startMailWorker(getDb(), { redis: here, intervalMs: HOUR });
      try {
        const to = address();
        await sendMail(getDb(), to, "Reset your password", { heading: "Reset", paragraphs: [] });
        // The pass at start-up and the one for this message both found the other instance's pass under way.
        await vi.waitFor(async () => expect((await turns("mail")).skipped - before.skipped).toBeGreaterThanOrEqual(2), until);
        expect(receivedBy(to)).toHaveLength(0);

        await otherPass!.release();
        await vi.waitFor(() => expect(receivedBy(to)).toHaveLength(1), until);
      } finally {
        await stop();
      }
    });
  });
});
