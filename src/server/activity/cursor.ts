import { ACTIVITY_TYPES, INVALID_CURSOR, type ActivityType } from "@/server/activity/schemas";
import { AppError } from "@/server/errors";

/**
 * An item's place in the feed: newest first; items of the same moment by type (later in
 * ACTIVITY_TYPES first), then by id, descending. Every source sorts its rows the same way, so a
 * page can be cut from their merge and the next one start exactly after it.
 */
export type FeedPosition = { at: Date; type: ActivityType; id: string };

const rank = (type: ActivityType) => ACTIVITY_TYPES.indexOf(type);

/** For Array.sort: negative when `a` comes first in the feed. */
export function feedOrder(a: FeedPosition, b: FeedPosition): number {
  return b.at.getTime() - a.at.getTime() || rank(b.type) - rank(a.type) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

/** Opaque to clients: they send it back as it is, and its parts may change. */
export function encodeCursor(position: FeedPosition): string {
  return Buffer.from(`${position.at.getTime()}:${position.type}:${position.id}`, "utf8").toString("base64url");
}

export function decodeCursor(cursor: string): FeedPosition {
  const match = /^(\d{1,15}):([a-z_]{1,40}):(\S{1,100})$/.exec(Buffer.from(cursor, "base64url").toString("utf8"));
  const type = ACTIVITY_TYPES.find((known) => known === match?.[2]);
  if (!match || !type) throw new AppError("BAD_REQUEST", INVALID_CURSOR);
  return { at: new Date(Number(match[1])), type, id: match[3]! };
}

/**
 * The rows of one source that come after `after` in the feed, as a Prisma filter on the source's
 * time field and id: earlier rows, and rows of the same moment that sort after it. Rows whose
 * time field is null never match, so nullable fields need no filter of their own here.
 */
export function afterPosition<F extends string>(field: F, type: ActivityType, after: FeedPosition | null) {
  if (!after) return {};
  const earlier = { [field]: { lt: after.at } } as Record<F, { lt: Date }>;
  const sameMoment = { [field]: after.at } as Record<F, Date>;
  if (rank(type) < rank(after.type)) return { OR: [earlier, sameMoment] };
  if (type === after.type) return { OR: [earlier, { ...sameMoment, id: { lt: after.id } }] };
  return earlier;
}
