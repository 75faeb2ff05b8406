import https from "node:https";
import net from "node:net";
import webpush from "web-push";
import type { Db } from "@/server/db";
import { logger } from "@/server/logger";
import { emailDecision } from "@/server/notifications/email-policy";
import { threadIdOf } from "@/server/notifications/email";
import type { EmailLevel, NotificationKind } from "@/server/notifications/schemas";
import { ACCOUNT_SCOPE, pushLevelInForce } from "@/server/notifications/settings";
import { isAllowedPushEndpoint, testPushOrigin } from "@/server/push/endpoints";
import { inQuietHours } from "@/server/push/quiet-hours";
import { vapidKeys, vapidSubject } from "@/server/push/vapid";

/** How long one push service may take to answer before the push is given up. */
export const PUSH_TIMEOUT_MS = 10_000;
/** How long a push service keeps a push for a device that is off, in seconds. */
const PUSH_TTL_SECONDS = 12 * 60 * 60;
/** Pushes in flight at once for one notification. */
const CONCURRENCY = 8;

/**
 * Push levels are email's (EmailLevel) with "digest" meaning nothing: a push is never batched.
 * The rest is emailDecision's table: following a thread sends, muting it skips.
 */
export function pushDecision(level: EmailLevel, kind: NotificationKind, threadFollow?: boolean): "send" | "skip" {
  return emailDecision(level === "digest" ? "none" : level, kind, threadFollow);
}

export type PushBatch = { kind: NotificationKind; recipients: readonly string[]; summary: string };
export type PushInput = { groupId: string | null; title: string; url: string; batches: readonly PushBatch[]; devices: readonly PushDevice[] };

/** What a push says: no more than the bell shows (no excerpt), and a link inside Hearth. */
export type PushPayload = { title: string; body: string; url: string };

type Delivery = { subscription: { id: string; endpoint: string; p256dh: string; auth: string }; payload: PushPayload };

/** Tests only: the stand-in push service speaks plain http, which web-push (https only) reaches through this agent. */
class PlainAgent extends https.Agent {
  override createConnection(options: { host?: string | null; port?: number | null }): net.Socket {
    return net.connect({ host: options.host ?? "127.0.0.1", port: options.port ?? 80 });
  }
}

async function deliver({ subscription, payload }: Delivery): Promise<"sent" | "gone" | "failed"> {
  if (!isAllowedPushEndpoint(subscription.endpoint)) return "gone";
  const keys = vapidKeys();
  const test = testPushOrigin();
  try {
    await webpush.sendNotification(
      { endpoint: subscription.endpoint, keys: { p256dh: subscription.p256dh, auth: subscription.auth } },
      JSON.stringify(payload),
      {
        vapidDetails: { subject: vapidSubject(), publicKey: keys.publicKey, privateKey: keys.privateKey },
        TTL: PUSH_TTL_SECONDS,
        timeout: PUSH_TIMEOUT_MS,
        ...(test && subscription.endpoint.startsWith(`${test}/`) ? { agent: new PlainAgent() } : {}),
      },
    );
    return "sent";
  } catch (error) {
    const status = error instanceof webpush.WebPushError ? error.statusCode : null;
    // 404 and 410: the browser ended the subscription (push turned off, site data cleared).
    if (status === 404 || status === 410) return "gone";
    logger.warn({ err: error, status, subscriptionId: subscription.id }, "push failed");
    return "failed";
  }
}

/** What notify() loads with each notification row: the recipient's browsers with push turned on. */
export const PUSH_AUDIENCE_SELECT = {
  timeZone: true,
  pushAtNight: true,
  pushSubscriptions: { select: { id: true, endpoint: true, p256dh: true, auth: true } },
} as const;

type Audience = {
  userId: string;
  user: { timeZone: string | null; pushAtNight: boolean; pushSubscriptions: { id: string; endpoint: string; p256dh: string; auth: string }[] };
};

/** One browser of one recipient, with what quiet hours need to know of its person. */
export type PushDevice = { userId: string; timeZone: string | null; pushAtNight: boolean; subscription: Delivery["subscription"] };

/** The browsers of the people in notification rows selected with PUSH_AUDIENCE_SELECT, once each. */
export function pushDevices(rows: readonly Audience[]): PushDevice[] {
  const seen = new Set<string>();
  return rows.flatMap(({ userId, user }) =>
    user.pushSubscriptions.flatMap((subscription) => {
      if (seen.has(subscription.id)) return [];
      seen.add(subscription.id);
      return [{ userId, timeZone: user.timeZone, pushAtNight: user.pushAtNight, subscription }];
    }),
  );
}

/**
 * Pushes one notification to each recipient's browsers (`devices`) where their push level for the
 * group (or account) allows its kind and it is not their quiet hours (21:00–08:00 in their time
 * zone, unless they chose to be told at night). Two reads whatever the number of people, none when
 * nobody has push turned on; a subscription the push service no longer knows is deleted. Returns
 * the number of pushes sent.
 */
export async function pushNotifications(db: Db, input: PushInput, now = new Date()): Promise<number> {
  const { devices } = input;
  if (devices.length === 0) return 0;
  const subscribed = [...new Set(devices.map(({ userId }) => userId))];
  const threadId = threadIdOf(input.url);
  const [settings, follows] = await Promise.all([
    db.notificationSetting.findMany({
      where: { userId: { in: subscribed }, scope: { in: input.groupId ? [ACCOUNT_SCOPE, input.groupId] : [ACCOUNT_SCOPE] } },
      select: { userId: true, scope: true, pushLevel: true },
    }),
    threadId
      ? db.threadFollow.findMany({ where: { threadId, userId: { in: subscribed } }, select: { userId: true, following: true, automatic: true } })
      : [],
  ]);
  const chosen = new Map(settings.map(({ userId, scope, pushLevel }) => [`${userId} ${scope}`, pushLevel]));
  // As for email: a follow that came from starting or commenting in the thread is no choice; the level decides.
  const following = new Map(follows.filter(({ automatic }) => !automatic).map(({ userId, following: value }) => [userId, value]));
  const fallbackZone = process.env.DIGEST_TIME_ZONE ?? "Europe/London";
  const deliveries: Delivery[] = input.batches.flatMap((batch) =>
    devices.flatMap(({ userId, timeZone, pushAtNight, subscription }) => {
      if (!batch.recipients.includes(userId)) return [];
      const level = pushLevelInForce((scope) => chosen.get(`${userId} ${scope}`), input.groupId);
      if (pushDecision(level, batch.kind, following.get(userId)) === "skip") return [];
      if (!pushAtNight && inQuietHours(now, timeZone, fallbackZone)) return [];
      return [{ subscription, payload: { title: input.title, body: batch.summary, url: input.url } }];
    }),
  );
  const outcomes: ("sent" | "gone" | "failed")[] = [];
  for (let start = 0; start < deliveries.length; start += CONCURRENCY) {
    outcomes.push(...(await Promise.all(deliveries.slice(start, start + CONCURRENCY).map(deliver))));
  }
  const idsWhere = (outcome: string) => deliveries.flatMap(({ subscription }, index) => (outcomes[index] === outcome ? [subscription.id] : []));
  const [sent, gone] = [idsWhere("sent"), idsWhere("gone")];
  await Promise.all([
    sent.length > 0 ? db.pushSubscription.updateMany({ where: { id: { in: sent } }, data: { lastUsedAt: now } }) : null,
    gone.length > 0 ? db.pushSubscription.deleteMany({ where: { id: { in: gone } } }) : null,
  ]);
  return sent.length;
}

/**
 * Starts pushNotifications without making the caller wait for push services: notify() runs after
 * the caller's write has committed, and a slow or failing push service must never hold up or undo it.
 */
export function pushInBackground(db: Db, input: PushInput): void {
  if (input.devices.length === 0) return;
  void pushNotifications(db, input).catch((error: unknown) => logger.error({ err: error }, "push failed"));
}
