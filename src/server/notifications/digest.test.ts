import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigError, resolveConfig } from "@/server/config";
import { getDb } from "@/server/db";
import { deliverDueMail } from "@/server/mail/delivery";
import { startSmtpListener } from "@/server/mail/test-smtp";
import { localClock, runDigest } from "@/server/notifications/digest";
import { addMember, callerFor, makeGroup, makeUser } from "@/server/test/factories";

const DAY = 24 * 60 * 60 * 1000;
/** Due all day long, so the tests do not depend on the hour they run at. */
const ALWAYS = { hour: 0, timeZone: "UTC" };
let smtp: Awaited<ReturnType<typeof startSmtpListener>>;

beforeAll(async () => {
  smtp = await startSmtpListener();
});
afterAll(() => smtp.close());

const as = (user: { id: string }) => callerFor(user.id).caller;
const digestsTo = (email: string) => getDb().outboxMessage.findMany({ where: { to: email, subject: { startsWith: "Your daily digest" } }, orderBy: { createdAt: "asc" } });

async function scene() {
  const [admin, alice, bob, carol] = await Promise.all([makeUser({ name: "Ada Admin" }), makeUser(), makeUser(), makeUser()]);
  const [garden, library] = await Promise.all([makeGroup({ name: `Garden ${admin.id.slice(-4)}` }), makeGroup({ name: `Library ${admin.id.slice(-4)}` })]);
  for (const group of [garden, library]) {
    await addMember(group.id, admin.id, "admin");
    for (const person of [alice, bob, carol]) await addMember(group.id, person.id);
  }
  await as(alice).notificationSettings.update({ level: "digest" });
  await as(carol).notificationSettings.update({ groupId: garden.id, level: "digest" });
  await as(carol).notificationSettings.update({ groupId: library.id, level: "all" });
  return { admin, alice, bob, carol, garden, library };
}

describe("localClock", () => {
  it("reads the day and hour in the digest's time zone, summer time included", () => {
    expect(localClock(new Date("2026-06-01T05:59:00Z"), "Europe/London")).toEqual({ day: "2026-06-01", hour: 6 });
    expect(localClock(new Date("2026-11-26T23:30:00Z"), "Europe/London")).toEqual({ day: "2026-11-26", hour: 23 });
    expect(localClock(new Date("2026-11-26T23:30:00Z"), "Europe/Berlin")).toEqual({ day: "2026-11-27", hour: 0 });
  });
});

describe("runDigest", () => {
  it("waits for the digest hour", async () => {
    const schedule = { hour: 7, timeZone: "Europe/London" };
    expect((await runDigest(getDb(), schedule, new Date("2026-06-01T05:59:00Z"))).due).toBe(false);
    expect((await runDigest(getDb(), schedule, new Date("2026-06-01T06:00:00Z"))).due).toBe(true);
  });

  it("sends one email per person listing what is new in each digest group, with links, and a second run sends nothing", async () => {
    const { admin, alice, bob, carol, garden, library } = await scene();
    const budget = await as(admin).thread.create({ groupId: garden.id, title: "Budget", body: "Numbers" });
    const rota = await as(admin).thread.create({ groupId: library.id, title: "Rota", body: "Who?" });
    await as(admin).comment.create({ threadId: rota.id, body: `[@Alice](mention:${alice.id}) can you do Tuesdays?` });
    expect(await getDb().outboxMessage.count({ where: { to: alice.email } })).toBe(0);

    const now = new Date();
    await Promise.all([runDigest(getDb(), ALWAYS, now), runDigest(getDb(), ALWAYS, now)]);
    // Moments later, not minutes: a run after midnight would rightly send the next day's digest.
    await runDigest(getDb(), ALWAYS, new Date(now.getTime() + 1));

    const [toAlice, ...moreAlice] = await digestsTo(alice.email);
    expect(moreAlice).toHaveLength(0);
    expect(toAlice!.subject).toBe(`Your daily digest: 3 new in ${garden.name} and ${library.name}`);
    expect(toAlice!.text).toContain(`${garden.name}\n- Ada Admin started “Budget” in ${garden.name}\n  http://localhost:3000/threads/${budget.id}`);
    expect(toAlice!.text).toContain(`- Ada Admin mentioned you in “Rota”\n  http://localhost:3000/threads/${rota.id}#comment-`);
    expect(toAlice!.unsubscribeUrl).toMatch(/^http:\/\/localhost:3000\/api\/unsubscribe\?token=/);
    expect(toAlice!.text).toContain("Unsubscribe from all notification email: http://localhost:3000/unsubscribe?token=");

    const [toCarol, ...moreCarol] = await digestsTo(carol.email);
    expect(moreCarol).toHaveLength(0);
    expect(toCarol!.subject).toBe(`Your daily digest: 1 new in ${garden.name}`);
    expect(toCarol!.text).not.toContain("Rota");
    expect(await digestsTo(bob.email)).toEqual([]);
    expect(await getDb().digestDelivery.count({ where: { userId: { in: [alice.id, carol.id] } } })).toBe(2);

    await deliverDueMail(getDb(), new Date(), { smtpUrl: smtp.url });
    await runDigest(getDb(), ALWAYS, new Date(now.getTime() + 2));
    await deliverDueMail(getDb(), new Date(), { smtpUrl: smtp.url });
    const received = smtp.received.filter(({ to }) => to.includes(alice.email));
    expect(received.map(({ subject }) => subject)).toEqual([toAlice!.subject]);
    expect(received[0]!.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
  });

  it("starts each window where the last one ended, skips people with nothing new, and leaves out muted threads", async () => {
    const { admin, alice, garden } = await scene();
    const first = new Date();
    await runDigest(getDb(), ALWAYS, first);
    expect(await digestsTo(alice.email)).toEqual([]);

    const muted = await as(admin).thread.create({ groupId: garden.id, title: "Noisy", body: "Lots" });
    await as(alice).thread.follow({ id: muted.id, following: false });
    await as(admin).comment.create({ threadId: muted.id, body: `[@Alice](mention:${alice.id})` });
    await as(admin).thread.create({ groupId: garden.id, title: "Harvest", body: "When?" });

    const second = new Date(first.getTime() + DAY);
    expect(await runDigest(getDb(), ALWAYS, second)).toMatchObject({ due: true });
    const [digest, ...more] = await digestsTo(alice.email);
    expect(more).toHaveLength(0);
    expect(digest!.subject).toBe(`Your daily digest: 1 new in ${garden.name}`);
    expect(digest!.text).toContain("Harvest");
    expect(digest!.text).not.toContain("Noisy");

    await runDigest(getDb(), ALWAYS, new Date(first.getTime() + 2 * DAY));
    expect(await digestsTo(alice.email)).toHaveLength(1);
    const windows = await getDb().digestDelivery.findMany({ where: { userId: alice.id }, orderBy: { windowEnd: "asc" } });
    expect(windows.map(({ windowStart, windowEnd, outboxMessageId }) => ({ windowStart, windowEnd, sent: outboxMessageId !== null }))).toEqual([
      { windowStart: new Date(first.getTime() - DAY), windowEnd: first, sent: false },
      { windowStart: first, windowEnd: second, sent: true },
      { windowStart: second, windowEnd: new Date(first.getTime() + 2 * DAY), sent: false },
    ]);
  });

  it("catches up after the server was down: the window reaches back to the last digest, days ago", async () => {
    const { alice, garden } = await scene();
    const now = new Date();
    await getDb().digestDelivery.create({
      data: { userId: alice.id, day: "2000-01-01", windowStart: new Date(now.getTime() - 4 * DAY), windowEnd: new Date(now.getTime() - 3 * DAY) },
    });
    await getDb().notification.create({
      data: { userId: alice.id, kind: "new_thread", groupId: garden.id, title: "While we were down", url: "/threads/t1", createdAt: new Date(now.getTime() - 2 * DAY) },
    });
    await runDigest(getDb(), ALWAYS, now);
    const [digest] = await digestsTo(alice.email);
    expect(digest!.text).toContain("While we were down");
  });
});

describe("digest configuration", () => {
  const dataDir = () => mkdtempSync(path.join(tmpdir(), "hearth-digest-config-"));

  it("defaults to 7 o'clock in TZ, or Europe/London", () => {
    expect(resolveConfig({ HEARTH_DATA_DIR: dataDir() })).toMatchObject({ digestHour: 7, digestTimeZone: "Europe/London" });
    expect(resolveConfig({ HEARTH_DATA_DIR: dataDir(), TZ: "Europe/Dublin" })).toMatchObject({ digestTimeZone: "Europe/Dublin" });
    expect(resolveConfig({ HEARTH_DATA_DIR: dataDir(), DIGEST_HOUR: "18", DIGEST_TIME_ZONE: "America/New_York" })).toMatchObject({
      digestHour: 18,
      digestTimeZone: "America/New_York",
    });
  });

  it("refuses an hour outside 0–23 and an unknown time zone, naming them", () => {
    const attempt = () => resolveConfig({ HEARTH_DATA_DIR: dataDir(), DIGEST_HOUR: "24", DIGEST_TIME_ZONE: "Europe/Atlantis" });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/DIGEST_HOUR: must be from 0 to 23\n.*DIGEST_TIME_ZONE: must be an IANA time zone/s);
  });
});
