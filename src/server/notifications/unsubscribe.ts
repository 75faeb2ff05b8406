import { requireEnv } from "@/server/config";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { absoluteUrl } from "@/server/mail/service";
import type { UnsubscribeState } from "@/server/notifications/schemas";
import { ACCOUNT_SCOPE, effectiveLevels } from "@/server/notifications/settings";
import { mintUnsubscribeToken, readUnsubscribeToken } from "@/server/notifications/unsubscribe-token";

/**
 * The two links in every notification email: a page that explains and asks (for people), and
 * the RFC 8058 one-click target (for mail programs, which POST to it without a session).
 */
export function unsubscribeLinks(userId: string, scope: string): { pageUrl: string; oneClickUrl: string } {
  const query = `?token=${encodeURIComponent(mintUnsubscribeToken({ userId, scope }, requireEnv("NEXTAUTH_SECRET")))}`;
  return { pageUrl: absoluteUrl(`/unsubscribe${query}`), oneClickUrl: absoluteUrl(`/api/unsubscribe${query}`) };
}

const INVALID = "This unsubscribe link is not valid. Check that you opened the whole link from the email, or change your email settings after signing in.";
const EXPIRED = "This unsubscribe link has expired (they work for 60 days). Sign in and change your email settings instead: nothing was changed.";

type Target = { userId: string; email: string; group: { id: string; name: string } | null };

/** Who and what a token is for; a forged, expired or stale token is refused before anything changes. */
async function resolveToken(db: Db, token: string): Promise<Target> {
  const read = readUnsubscribeToken(token, requireEnv("NEXTAUTH_SECRET"));
  if (!read.ok) throw new AppError("BAD_REQUEST", read.reason === "expired" ? EXPIRED : INVALID);
  const { userId, scope } = read.claims;
  const [user, group] = await Promise.all([
    db.user.findUnique({ where: { id: userId }, select: { email: true } }),
    scope === ACCOUNT_SCOPE
      ? null
      : db.group.findUnique({
          where: { id: scope },
          select: { id: true, name: true, memberships: { where: { userId }, select: { id: true } } },
        }),
  ]);
  if (!user) throw new AppError("BAD_REQUEST", INVALID);
  if (scope === ACCOUNT_SCOPE) return { userId, email: user.email, group: null };
  if (!group) throw new AppError("NOT_FOUND", "That group no longer exists, so Hearth sends you no email about it. Nothing was changed.");
  if (group.memberships.length === 0) {
    throw new AppError("NOT_FOUND", `You are no longer a member of ${group.name}, so Hearth sends you no email about it. Nothing was changed.`);
  }
  return { userId, email: user.email, group: { id: group.id, name: group.name } };
}

async function isUnsubscribed(db: Db, target: Target): Promise<boolean> {
  if (target.group) return (await effectiveLevels(db, [target.userId], target.group.id)).get(target.userId) === "none";
  const rows = await db.notificationSetting.findMany({ where: { userId: target.userId }, select: { scope: true, level: true } });
  // A group row with no email level (push chosen alone) follows the account's.
  return rows.some(({ scope, level }) => scope === ACCOUNT_SCOPE && level === "none") && rows.every(({ level }) => level === "none" || level === null);
}

/** What the link would stop, for the page that asks before doing it. Needs no session: the token is the proof. */
export async function previewUnsubscribe(db: Db, token: string): Promise<UnsubscribeState> {
  const target = await resolveToken(db, token);
  return { email: target.email, group: target.group, unsubscribed: await isUnsubscribed(db, target) };
}

/**
 * Sets the token's scope to "Email me nothing". For a group, that group's own setting; for the
 * account (the daily digest of several groups), the account default and every group's own
 * setting, so that no notification email at all follows. Doing it twice changes nothing more.
 */
export async function confirmUnsubscribe(db: Db, token: string): Promise<UnsubscribeState> {
  const target = await resolveToken(db, token);
  const scope = target.group?.id ?? ACCOUNT_SCOPE;
  await db.$transaction([
    db.notificationSetting.upsert({
      where: { userId_scope: { userId: target.userId, scope } },
      create: { userId: target.userId, scope, level: "none" },
      update: { level: "none" },
    }),
    ...(target.group ? [] : [db.notificationSetting.updateMany({ where: { userId: target.userId }, data: { level: "none" } })]),
  ]);
  return { email: target.email, group: target.group, unsubscribed: true };
}
