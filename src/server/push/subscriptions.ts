import type { Db } from "@/server/db";
import { isUniqueViolation } from "@/server/db/unique-violation";
import { AppError } from "@/server/errors";
import { isAllowedPushEndpoint } from "@/server/push/endpoints";
import type { PushSubscriptionResult, SubscribePushInput, UnsubscribePushInput } from "@/server/push/schemas";

/** Browsers (devices) one person may have push turned on in; the oldest beyond it is dropped. */
export const MAX_DEVICES = 10;

/**
 * Turns push on for the caller in one browser. An endpoint belongs to one browser profile, so if
 * someone else registered it (a shared computer, signed in as another person before), it moves to
 * the caller: the other person stops getting push there, and learns nothing of the caller.
 */
export async function subscribePush(db: Db, userId: string, input: SubscribePushInput): Promise<PushSubscriptionResult> {
  if (!isAllowedPushEndpoint(input.endpoint)) {
    throw new AppError("BAD_REQUEST", "Hearth can only send to the push services of Chrome, Firefox, Safari and Edge; this browser's is not one of them.");
  }
  const data = { userId, p256dh: input.keys.p256dh, auth: input.keys.auth };
  const upsert = () =>
    db.pushSubscription.upsert({ where: { endpoint: input.endpoint }, create: { endpoint: input.endpoint, ...data }, update: data, select: { id: true } });
  // Two tabs turning push on at once both try to create the row: the loser updates it instead.
  await upsert().catch((error: unknown) => {
    if (isUniqueViolation(error)) return upsert();
    throw error;
  });
  const [, devices] = await Promise.all([
    input.timeZone ? db.user.update({ where: { id: userId }, data: { timeZone: input.timeZone }, select: { id: true } }) : null,
    db.pushSubscription.findMany({ where: { userId }, orderBy: { createdAt: "desc" }, skip: MAX_DEVICES, select: { id: true } }),
  ]);
  if (devices.length > 0) await db.pushSubscription.deleteMany({ where: { id: { in: devices.map(({ id }) => id) } } });
  return { subscribed: true };
}

/** Turns push off in one browser: only the caller's own subscription, so a guessed endpoint does nothing. */
export async function unsubscribePush(db: Db, userId: string, input: UnsubscribePushInput): Promise<PushSubscriptionResult> {
  await db.pushSubscription.deleteMany({ where: { endpoint: input.endpoint, userId } });
  return { subscribed: false };
}
