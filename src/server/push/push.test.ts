import { createECDH, randomBytes } from "node:crypto";
import { mkdtempSync, statSync } from "node:fs";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/server/db";
import { notify } from "@/server/notifications/notify";
import type { NotificationKind } from "@/server/notifications/schemas";
import { isAllowedPushEndpoint } from "@/server/push/endpoints";
import { inQuietHours } from "@/server/push/quiet-hours";
import { pushDecision, pushNotifications, type PushDevice } from "@/server/push/send";
import { MAX_DEVICES } from "@/server/push/subscriptions";
import { VAPID_FILE, vapidKeys, vapidSubject } from "@/server/push/vapid";
import { addMember, callerFor, makeGroup, makeOrganisation, makeUser } from "@/server/test/factories";

/** A browser's subscription keys: a real P-256 key, as the encryption needs. */
const browserKeys = () => ({ p256dh: createECDH("prime256v1").generateKeys("base64url"), auth: randomBytes(16).toString("base64url") });

/** The stand-in push service: records every request, and answers 410 for paths that start with /gone. */
type Received = { path: string; headers: IncomingHttpHeaders; bytes: number };
const received: Received[] = [];
let server: Server;
let origin: string;

beforeAll(async () => {
  process.env.HEARTH_DATA_DIR = mkdtempSync(path.join(tmpdir(), "hearth-push-"));
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      received.push({ path: request.url ?? "", headers: request.headers, bytes: Buffer.concat(chunks).length });
      response.writeHead(request.url?.startsWith("/gone") ? 410 : 201).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  process.env.HEARTH_PUSH_TEST_ORIGIN = origin;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Retries until the stand-in has what `check` looks for (pushes go out in the background). */
async function eventually<T>(check: () => T | Promise<T>, timeoutMs = 5000): Promise<T> {
  const started = Date.now();
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() - started > timeoutMs) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

async function subscribed(userId: string, pathName: string, options: { pushAtNight?: boolean } = { pushAtNight: true }) {
  const endpoint = `${origin}/${pathName}-${randomBytes(4).toString("hex")}`;
  await callerFor(userId).caller.push.subscribe({ endpoint, keys: browserKeys(), timeZone: "Europe/London" });
  if (options.pushAtNight) await callerFor(userId).caller.notificationSettings.update({ pushAtNight: true });
  return endpoint;
}

describe("push endpoints", () => {
  it("allows https at the push services of Chrome, Firefox, Safari and Edge, and nothing else", () => {
    for (const endpoint of [
      "https://fcm.googleapis.com/fcm/send/abc:def",
      "https://updates.push.services.mozilla.com/wpush/v2/gAAAA",
      "https://web.push.apple.com/QGx",
      "https://wns2-par02p.notify.windows.com/w/?token=AwY",
    ]) {
      expect(isAllowedPushEndpoint(endpoint, null), endpoint).toBe(true);
    }
    for (const endpoint of [
      "http://fcm.googleapis.com/fcm/send/abc",
      "https://fcm.googleapis.com:8443/fcm/send/abc",
      "https://user:pass@fcm.googleapis.com/fcm/send/abc",
      "https://fcm.googleapis.com.evil.example/x",
      "https://evilpush.apple.com/x",
      "https://push.apple.com/x",
      "https://localhost/x",
      "https://169.254.169.254/latest/meta-data",
      "file:///etc/passwd",
      "not a url",
      "http://127.0.0.1:9/x",
    ]) {
      expect(isAllowedPushEndpoint(endpoint, null), endpoint).toBe(false);
    }
  });

  it("allows the test origin only when it is configured, and only under NODE_ENV=test", async () => {
    const { testPushOrigin } = await import("@/server/push/endpoints");
    expect(isAllowedPushEndpoint("http://127.0.0.1:9/x", "http://127.0.0.1:9")).toBe(true);
    expect(testPushOrigin({ NODE_ENV: "production", HEARTH_PUSH_TEST_ORIGIN: "http://127.0.0.1:9" })).toBeNull();
    expect(testPushOrigin({ NODE_ENV: "test", HEARTH_PUSH_TEST_ORIGIN: "http://127.0.0.1:9" })).toBe("http://127.0.0.1:9");
  });
});

describe("quiet hours", () => {
  const at = (iso: string) => new Date(iso);
  it("are 21:00 to 08:00 in the person's own time zone, across midnight", () => {
    expect(inQuietHours(at("2026-12-04T20:59:00Z"), "Europe/London")).toBe(false);
    expect(inQuietHours(at("2026-12-04T21:00:00Z"), "Europe/London")).toBe(true);
    expect(inQuietHours(at("2026-12-05T00:30:00Z"), "Europe/London")).toBe(true);
    expect(inQuietHours(at("2026-12-05T07:59:00Z"), "Europe/London")).toBe(true);
    expect(inQuietHours(at("2026-12-05T08:00:00Z"), "Europe/London")).toBe(false);
    // Summer time: 07:30 UTC is 08:30 in London.
    expect(inQuietHours(at("2026-07-01T07:30:00Z"), "Europe/London")).toBe(false);
    // 14:00 UTC is 23:00 in Tokyo and 06:00 in Los Angeles (winter), both quiet; 18:00 UTC is 10:00 there.
    expect(inQuietHours(at("2026-12-04T14:00:00Z"), "Asia/Tokyo")).toBe(true);
    expect(inQuietHours(at("2026-12-04T14:00:00Z"), "America/Los_Angeles")).toBe(true);
    expect(inQuietHours(at("2026-12-04T18:00:00Z"), "America/Los_Angeles")).toBe(false);
    // Half-hour zones: 15:45 UTC is 21:15 in Kolkata.
    expect(inQuietHours(at("2026-12-04T15:45:00Z"), "Asia/Kolkata")).toBe(true);
  });

  it("use the fallback zone when the person has none, or one this runtime does not know", () => {
    expect(inQuietHours(at("2026-12-04T22:00:00Z"), null)).toBe(true);
    expect(inQuietHours(at("2026-12-04T12:00:00Z"), null)).toBe(false);
    expect(inQuietHours(at("2026-12-04T12:00:00Z"), "Mars/Olympus_Mons")).toBe(false);
    expect(inQuietHours(at("2026-12-04T12:00:00Z"), null, "Pacific/Kiritimati")).toBe(true);
  });
});

describe("push levels", () => {
  it("follow email's table, with the digest meaning nothing", () => {
    const kinds: NotificationKind[] = ["mention", "reply", "new_thread", "poll_outcome", "meeting_new", "meeting_changed", "new_comment"];
    const sent = (level: "all" | "important" | "digest" | "none", follow?: boolean) =>
      kinds.filter((kind) => pushDecision(level, kind, follow) === "send");
    expect(sent("all")).toEqual(kinds);
    expect(sent("important")).toEqual(["mention", "reply", "poll_outcome", "meeting_changed"]);
    expect(sent("digest")).toEqual([]);
    expect(sent("digest", true)).toEqual([]);
    expect(sent("none", true)).toEqual([]);
    expect(sent("important", true)).toEqual(kinds);
    expect(sent("all", false)).toEqual([]);
  });
});

describe("VAPID keys", () => {
  it("are made once, kept in the data directory for the owner only, and reused", () => {
    const first = vapidKeys();
    expect(first.publicKey).toMatch(/^[A-Za-z0-9_-]{87}$/);
    const file = path.join(process.env.HEARTH_DATA_DIR!, VAPID_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const other = mkdtempSync(path.join(tmpdir(), "hearth-push-"));
    expect(vapidKeys({ HEARTH_DATA_DIR: other }).publicKey).not.toBe(first.publicKey);
    expect(vapidKeys({ HEARTH_DATA_DIR: process.env.HEARTH_DATA_DIR })).toEqual(first);
  });

  it("name the site when it is https, else the sender's address", () => {
    expect(vapidSubject({ NEXTAUTH_URL: "https://hearth.example.org/x" })).toBe("https://hearth.example.org");
    expect(vapidSubject({ NEXTAUTH_URL: "http://localhost:3000", MAIL_FROM: "Hearth <hearth@bath.example>" })).toBe("mailto:hearth@bath.example");
    expect(vapidSubject({})).toBe("mailto:hearth@localhost");
  });
});

describe("push.subscribe and push.unsubscribe", () => {
  it("refuses endpoints that are not a known push service, and keys that are not a browser's", async () => {
    const me = await makeUser();
    const { caller } = callerFor(me.id);
    for (const endpoint of ["https://evil.example/collect", "http://10.0.0.1/admin", "https://fcm.googleapis.com.evil.example/x"]) {
      await expect(caller.push.subscribe({ endpoint, keys: browserKeys() })).rejects.toMatchObject({
        code: "BAD_REQUEST",
        message: expect.stringContaining("push services of Chrome, Firefox, Safari and Edge"),
      });
    }
    const endpoint = "https://fcm.googleapis.com/fcm/send/x";
    await expect(caller.push.subscribe({ endpoint: `${endpoint}${"a".repeat(1000)}`, keys: browserKeys() })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(caller.push.subscribe({ endpoint, keys: { p256dh: `B${"a".repeat(86)}`, auth: browserKeys().auth } })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("P-256"),
    });
    await expect(caller.push.subscribe({ endpoint, keys: { p256dh: browserKeys().p256dh, auth: "short" } })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(caller.push.subscribe({ endpoint, keys: browserKeys(), timeZone: "Not/AZone" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(callerFor(null).caller.push.subscribe({ endpoint, keys: browserKeys() })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    expect(await getDb().pushSubscription.count({ where: { userId: me.id } })).toBe(0);
  });

  it("keeps one row per endpoint: subscribing again updates it, another person takes it over, and only its owner can remove it", async () => {
    const [alice, bob] = await Promise.all([makeUser(), makeUser()]);
    const endpoint = `https://updates.push.services.mozilla.com/wpush/v2/${randomBytes(8).toString("hex")}`;
    await callerFor(alice.id).caller.push.subscribe({ endpoint, keys: browserKeys(), timeZone: "Asia/Tokyo" });
    const keys = browserKeys();
    await callerFor(alice.id).caller.push.subscribe({ endpoint, keys });
    expect(await getDb().pushSubscription.findMany({ where: { endpoint }, select: { userId: true, p256dh: true } })).toEqual([{ userId: alice.id, p256dh: keys.p256dh }]);
    expect(await getDb().user.findUnique({ where: { id: alice.id }, select: { timeZone: true } })).toEqual({ timeZone: "Asia/Tokyo" });

    expect(await callerFor(bob.id).caller.push.subscribe({ endpoint, keys: browserKeys() })).toEqual({ subscribed: true });
    expect(await getDb().pushSubscription.findMany({ where: { endpoint }, select: { userId: true } })).toEqual([{ userId: bob.id }]);

    await callerFor(alice.id).caller.push.unsubscribe({ endpoint });
    expect(await getDb().pushSubscription.count({ where: { endpoint } })).toBe(1);
    expect(await callerFor(bob.id).caller.push.unsubscribe({ endpoint })).toEqual({ subscribed: false });
    expect(await getDb().pushSubscription.count({ where: { endpoint } })).toBe(0);
  });

  it("forgets every browser of a person who signs out everywhere: a lost device hears nothing more", async () => {
    const [alice, bob] = await Promise.all([makeUser(), makeUser()]);
    const endpointOf = () => `https://updates.push.services.mozilla.com/wpush/v2/${randomBytes(8).toString("hex")}`;
    for (const person of [alice, alice, bob]) await callerFor(person.id).caller.push.subscribe({ endpoint: endpointOf(), keys: browserKeys() });
    await callerFor(alice.id).caller.user.signOutEverywhere();
    expect(await getDb().pushSubscription.count({ where: { userId: alice.id } })).toBe(0);
    expect(await getDb().pushSubscription.count({ where: { userId: bob.id } })).toBe(1);
  });

  it("answers two tabs turning push on at once with one row, and keeps at most MAX_DEVICES browsers a person", async () => {
    const me = await makeUser();
    const { caller } = callerFor(me.id);
    const endpoint = `https://fcm.googleapis.com/fcm/send/${randomBytes(8).toString("hex")}`;
    await Promise.all([caller.push.subscribe({ endpoint, keys: browserKeys() }), caller.push.subscribe({ endpoint, keys: browserKeys() })]);
    expect(await getDb().pushSubscription.count({ where: { endpoint } })).toBe(1);
    for (let n = 0; n < MAX_DEVICES + 2; n += 1) {
      await caller.push.subscribe({ endpoint: `https://fcm.googleapis.com/fcm/send/device-${n}-${me.id}`, keys: browserKeys() });
    }
    const kept = await getDb().pushSubscription.findMany({ where: { userId: me.id }, select: { endpoint: true } });
    expect(kept).toHaveLength(MAX_DEVICES);
    expect(kept.map(({ endpoint: kept }) => kept)).toContain(`https://fcm.googleapis.com/fcm/send/device-${MAX_DEVICES + 1}-${me.id}`);
  });
});

describe("delivery", () => {
  it("pushes an encrypted notification to each browser of each person whose level allows it, after notify returns", async () => {
    const [actor, priya, sam, quiet] = await Promise.all([makeUser({ name: "Ali Reyes" }), makeUser(), makeUser(), makeUser()]);
    const group = await makeGroup({ name: "Steering" });
    await Promise.all([priya, sam, quiet].map((person) => addMember(group.id, person.id)));
    const priyaPhone = await subscribed(priya.id, "priya-phone");
    const priyaLaptop = await subscribed(priya.id, "priya-laptop");
    const samPhone = await subscribed(sam.id, "sam");
    const quietPhone = await subscribed(quiet.id, "quiet");
    await callerFor(sam.id).caller.notificationSettings.update({ groupId: group.id, pushLevel: "none" });
    await callerFor(quiet.id).caller.notificationSettings.update({ pushLevel: "all" });

    await notify(getDb(), () => undefined, {
      kind: "mention",
      recipients: [priya.id, sam.id],
      actorId: actor.id,
      groupId: group.id,
      title: "Charter",
      url: "/threads/t1#comment-c1",
      excerpt: "Private words that a lock screen must not show",
    });
    await notify(getDb(), () => undefined, { kind: "new_thread", recipients: [priya.id, quiet.id], actorId: actor.id, groupId: group.id, title: "Budget", url: "/threads/t2" });

    const paths = (prefix: string) => received.filter(({ path: at }) => at.startsWith(prefix));
    await eventually(() => {
      expect(paths(new URL(priyaPhone).pathname)).toHaveLength(1);
      expect(paths(new URL(priyaLaptop).pathname)).toHaveLength(1);
      expect(paths(new URL(quietPhone).pathname)).toHaveLength(1);
    });
    expect(paths(new URL(samPhone).pathname)).toHaveLength(0);
    const [push] = paths(new URL(priyaPhone).pathname);
    expect(push!.headers).toMatchObject({ "content-encoding": "aes128gcm", "content-type": "application/octet-stream", ttl: String(12 * 60 * 60) });
    expect(push!.headers.authorization).toMatch(new RegExp(`^vapid t=[\\w-]+\\.[\\w-]+\\.[\\w-]+, k=${vapidKeys().publicKey}$`));
    expect(push!.bytes).toBeGreaterThan(100);
    await eventually(async () =>
      expect(await getDb().pushSubscription.findUnique({ where: { endpoint: priyaPhone }, select: { lastUsedAt: true } })).toEqual({ lastUsedAt: expect.any(Date) }),
    );
  });

  it("says only what the bell says, holds pushes in quiet hours unless asked, and deletes a subscription the service has ended", async () => {
    const [owl, lark] = await Promise.all([makeUser(), makeUser()]);
    const device = (userId: string, endpoint: string, timeZone: string, pushAtNight: boolean): PushDevice => ({
      userId,
      timeZone,
      pushAtNight,
      subscription: { id: randomBytes(6).toString("hex"), endpoint, ...browserKeys() },
    });
    const owlEndpoint = await subscribed(owl.id, "owl");
    const larkEndpoint = await subscribed(lark.id, "lark", { pushAtNight: false });
    const goneEndpoint = await subscribed(lark.id, "gone");
    const rows = await getDb().pushSubscription.findMany({ where: { userId: { in: [owl.id, lark.id] } }, select: { id: true, endpoint: true, p256dh: true, auth: true } });
    const byEndpoint = new Map(rows.map((row) => [row.endpoint, row]));
    const midnightInLondon = new Date("2026-12-05T00:10:00Z");
    const input = {
      groupId: null,
      title: "Venue",
      url: "/threads/t3",
      batches: [{ kind: "reply" as const, recipients: [owl.id, lark.id], summary: "Sam replied to you in “Venue”" }],
    };
    const sent = await pushNotifications(
      getDb(),
      {
        ...input,
        devices: [
          { ...device(owl.id, owlEndpoint, "Europe/London", true), subscription: byEndpoint.get(owlEndpoint)! },
          { ...device(lark.id, larkEndpoint, "Europe/London", false), subscription: byEndpoint.get(larkEndpoint)! },
          { ...device(lark.id, goneEndpoint, "Asia/Tokyo", false), subscription: byEndpoint.get(goneEndpoint)! },
        ],
      },
      midnightInLondon,
    );
    // Owl asked for nights; Lark's London phone is in quiet hours; it is 09:10 in Tokyo, but that service said 410.
    expect(sent).toBe(1);
    expect(received.filter(({ path: at }) => at === new URL(larkEndpoint).pathname)).toHaveLength(0);
    expect(received.filter(({ path: at }) => at === new URL(goneEndpoint).pathname)).toHaveLength(1);
    expect(await getDb().pushSubscription.count({ where: { endpoint: goneEndpoint } })).toBe(0);
    expect(await getDb().pushSubscription.count({ where: { endpoint: larkEndpoint } })).toBe(1);
  });
});

describe("signature requests", () => {
  it("are pushed to the group's admins by their push level: at the default, as something addressed to them", async () => {
    const [admin, quietAdmin, member] = await Promise.all([makeUser(), makeUser(), makeUser()]);
    const group = await makeGroup({ name: "Steering" });
    await addMember(group.id, admin.id, "admin");
    await addMember(group.id, quietAdmin.id, "admin");
    await addMember(group.id, member.id, "member");
    await callerFor(admin.id).caller.charter.update({ groupId: group.id, body: "We care." });
    const organisation = await makeOrganisation();
    await getDb().user.update({ where: { id: member.id }, data: { organisationId: organisation.id } });
    const adminPhone = await subscribed(admin.id, "sign-admin");
    const quietPhone = await subscribed(quietAdmin.id, "sign-quiet");
    await callerFor(quietAdmin.id).caller.notificationSettings.update({ groupId: group.id, pushLevel: "none" });

    await callerFor(member.id).caller.charter.requestSignature({ groupId: group.id });

    await eventually(() => expect(received.filter(({ path: at }) => at === new URL(adminPhone).pathname)).toHaveLength(1));
    expect(received.filter(({ path: at }) => at === new URL(quietPhone).pathname)).toHaveLength(0);
    expect(pushDecision("important", "signature_requested")).toBe("send");
  });
});

describe("notificationSettings with push", () => {
  it("sets push per account and group without changing email, follows the account, and keeps push at night for the account only", async () => {
    const me = await makeUser();
    const group = await makeGroup();
    await addMember(group.id, me.id);
    const { caller } = callerFor(me.id);
    await caller.notificationSettings.update({ level: "digest" });
    expect(await caller.notificationSettings.update({ pushLevel: "all" })).toMatchObject({
      account: "digest",
      pushAccount: "all",
      groups: [{ groupId: group.id, level: "digest", inherited: true, pushLevel: "all", pushInherited: true }],
    });
    expect(await caller.notificationSettings.update({ groupId: group.id, pushLevel: "none" })).toMatchObject({
      groups: [{ level: "digest", pushLevel: "none", pushInherited: false }],
    });
    expect(await caller.notificationSettings.update({ groupId: group.id, pushLevel: null })).toMatchObject({
      groups: [{ level: "digest", pushLevel: "all", pushInherited: true }],
    });
    expect(await caller.notificationSettings.update({ pushAtNight: true })).toMatchObject({ pushAtNight: true, account: "digest" });
    await expect(caller.notificationSettings.update({ groupId: group.id, pushAtNight: true })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(caller.notificationSettings.update({})).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const other = await makeGroup();
    await expect(caller.notificationSettings.update({ groupId: other.id, pushLevel: "all" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
