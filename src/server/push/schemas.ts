import { ECDH } from "node:crypto";
import { z } from "zod";

/** Longest endpoint accepted: real ones are 150–500 characters. */
export const MAX_ENDPOINT_LENGTH = 1000;

const base64url = (name: string, min: number, max: number) =>
  z
    .string()
    .min(min, `${name} is too short to be a browser's push key`)
    .max(max, `${name} is too long to be a browser's push key`)
    .regex(/^[A-Za-z0-9_-]+=*$/, `${name} must be base64url, as the browser gives it`);

/** A point on P-256, uncompressed: what every browser sends, and what the push encryption needs. */
function isP256PublicKey(value: string): boolean {
  const bytes = Buffer.from(value, "base64url");
  if (bytes.length !== 65 || bytes[0] !== 4) return false;
  try {
    ECDH.convertKey(bytes, "prime256v1");
    return true;
  } catch {
    return false;
  }
}

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** A browser's PushSubscription as its toJSON() gives it; the allowed push services are checked by the service. */
export const zSubscribePushInput = z.object({
  endpoint: z.string().min(1).max(MAX_ENDPOINT_LENGTH, "That push address is too long."),
  keys: z.object({
    /** The browser's P-256 public key: 65 bytes, 87 characters of base64url. */
    p256dh: base64url("p256dh", 80, 100).refine(isP256PublicKey, "p256dh must be the browser's P-256 public key"),
    /** The 16-byte authentication secret: 22 characters of base64url. */
    auth: base64url("auth", 16, 30).refine((value) => Buffer.from(value, "base64url").length === 16, "auth must be 16 bytes"),
  }),
  /** The browser's IANA time zone, e.g. "Europe/London", for quiet hours. */
  timeZone: z.string().max(64).refine(isTimeZone, "must be an IANA time zone such as Europe/London").optional(),
});
export type SubscribePushInput = z.infer<typeof zSubscribePushInput>;

export const zUnsubscribePushInput = z.object({ endpoint: z.string().min(1).max(MAX_ENDPOINT_LENGTH) });
export type UnsubscribePushInput = z.infer<typeof zUnsubscribePushInput>;

export const zPushSubscriptionResult = z.object({ subscribed: z.boolean() });
export type PushSubscriptionResult = z.infer<typeof zPushSubscriptionResult>;
