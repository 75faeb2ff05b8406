import { runJobTurn, type JobSchedule } from "@/server/cluster/job-lock";
import type { Db } from "@/server/db";
import { isUniqueViolation } from "@/server/db/unique-violation";
import { logger } from "@/server/logger";
import { absoluteUrl, queueMails, wakeMailWorker } from "@/server/mail/service";
import type { EmailContent } from "@/server/mail/template";
import { threadIdOf } from "@/server/notifications/email";
import { LEVEL_SENTENCES } from "@/server/notifications/levels";
import { ACCOUNT_SCOPE, levelInForce } from "@/server/notifications/settings";
import { summarize } from "@/server/notifications/summary";
import { unsubscribeLinks } from "@/server/notifications/unsubscribe";

const HOUR_MS = 60 * 60 * 1000;
/** A first digest covers the day before it. */
const FIRST_WINDOW_MS = 24 * HOUR_MS;
/**
 * However long ago the previous digest was (someone who left "digest" for a month and came back),
 * a digest reaches back at most a week: older news was emailed under their other setting.
 */
const LONGEST_WINDOW_MS = 7 * 24 * HOUR_MS;
/** Per group; the rest is one "more" link to the notifications page. */
const ITEMS_PER_GROUP = 20;

export type DigestSchedule = { hour: number; timeZone: string };

/** The calendar day (YYYY-MM-DD) and hour (0–23) at `now` in the digest's time zone. */
export function localClock(now: Date, timeZone: string): { day: string; hour: number } {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    hourCycle: "h23",
  }).formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((item) => item.type === type)!.value;
  return { day: `${part("year")}-${part("month")}-${part("day")}`, hour: Number(part("hour")) };
}

type Item = { kind: Parameters<typeof summarize>[0]["kind"]; title: string; url: string; groupId: string | null; createdAt: Date; actorName: string | null };
type Section = { group: { id: string; name: string }; items: Item[] };

function digestEmail(sections: Section[], since: Date, timeZone: string): { subject: string; content: EmailContent } {
  const total = sections.reduce((sum, { items }) => sum + items.length, 0);
  const names = sections.map(({ group }) => group.name);
  const listed = names.length === 1 ? names[0]! : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
  const sinceText = new Intl.DateTimeFormat("en-GB", { timeZone, dateStyle: "full", timeStyle: "short" }).format(since);
  return {
    subject: `Your daily digest: ${total} new in ${listed}`,
    content: {
      heading: `What is new in ${listed}`,
      paragraphs: [`${total} ${total === 1 ? "thing has" : "things have"} happened since ${sinceText}.`],
      sections: sections.map(({ group, items }) => ({
        heading: group.name,
        items: [
          ...items.slice(0, ITEMS_PER_GROUP).map((item) => ({
            label: summarize({ kind: item.kind, title: item.title, actorName: item.actorName, groupName: group.name }),
            url: absoluteUrl(item.url),
          })),
          ...(items.length > ITEMS_PER_GROUP
            ? [{ label: `and ${items.length - ITEMS_PER_GROUP} more`, url: absoluteUrl("/notifications") }]
            : []),
        ],
      })),
      action: { label: "Open your notifications", url: absoluteUrl("/notifications") },
      footer: `You get this email because your email setting for ${listed} is “${LEVEL_SENTENCES.digest.label}”.`,
    },
  };
}

export type DigestReport = { due: boolean; sent: number; nothingNew: number; alreadyDone: number };

/**
 * Sends today's digest to everyone with "digest" as their level in at least one group they
 * belong to, once the digest hour has come. Each person's day is claimed by inserting their
 * DigestDelivery row (unique per person and day) in the same transaction as their email, so a
 * second run or a restart never sends twice and a crash sends nothing rather than half. Each
 * window starts where the previous one ended, so nothing is skipped when the server was down
 * at the digest hour: the first run after start-up catches up. Reads are batched: a handful of
 * queries whatever the number of people, then one transaction per person.
 */
export async function runDigest(db: Db, schedule: DigestSchedule, now = new Date()): Promise<DigestReport> {
  const report: DigestReport = { due: false, sent: 0, nothingNew: 0, alreadyDone: 0 };
  const clock = localClock(now, schedule.timeZone);
  if (clock.hour < schedule.hour) return report;
  report.due = true;

  const digestRows = await db.notificationSetting.findMany({ where: { level: "digest" }, select: { userId: true }, distinct: ["userId"] });
  const done = await db.digestDelivery.findMany({
    where: { day: clock.day, userId: { in: digestRows.map(({ userId }) => userId) } },
    select: { userId: true },
  });
  const doneIds = new Set(done.map(({ userId }) => userId));
  report.alreadyDone = doneIds.size;
  const people = digestRows.map(({ userId }) => userId).filter((id) => !doneIds.has(id));
  if (people.length === 0) return report;

  const [settings, memberships, previous, muted, users] = await Promise.all([
    db.notificationSetting.findMany({ where: { userId: { in: people } }, select: { userId: true, scope: true, level: true } }),
    db.membership.findMany({ where: { userId: { in: people } }, select: { userId: true, group: { select: { id: true, name: true } } } }),
    db.digestDelivery.groupBy({ by: ["userId"], where: { userId: { in: people } }, _max: { windowEnd: true } }),
    db.threadFollow.findMany({ where: { userId: { in: people }, following: false }, select: { userId: true, threadId: true } }),
    db.user.findMany({ where: { id: { in: people } }, select: { id: true, email: true } }),
  ]);
  const levelOf = new Map(settings.map(({ userId, scope, level }) => [`${userId} ${scope}`, level ?? undefined]));
  const digestGroups = new Map<string, { id: string; name: string }[]>();
  for (const { userId, group } of memberships) {
    if (levelInForce((scope) => levelOf.get(`${userId} ${scope}`), group.id) !== "digest") continue;
    digestGroups.set(userId, [...(digestGroups.get(userId) ?? []), group]);
  }
  const lastEndOf = new Map(previous.map(({ userId, _max }) => [userId, _max.windowEnd?.getTime()]));
  const windowStartOf = new Map(
    people.map((id) => {
      const lastEnd = lastEndOf.get(id) ?? now.getTime() - FIRST_WINDOW_MS;
      return [id, new Date(Math.max(lastEnd, now.getTime() - LONGEST_WINDOW_MS))];
    }),
  );
  const recipients = people.filter((id) => digestGroups.has(id));
  const earliest = new Date(Math.min(...recipients.map((id) => windowStartOf.get(id)!.getTime()), now.getTime()));
  const rows = recipients.length
    ? await db.notification.findMany({
        where: {
          userId: { in: recipients },
          groupId: { in: [...new Set([...digestGroups.values()].flat().map(({ id }) => id))] },
          createdAt: { gte: earliest, lt: now },
        },
        select: { userId: true, kind: true, title: true, url: true, groupId: true, createdAt: true, actor: { select: { name: true } } },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      })
    : [];
  const mutedThreads = new Set(muted.map(({ userId, threadId }) => `${userId} ${threadId}`));
  const emailOf = new Map(users.map(({ id, email }) => [id, email]));

  for (const userId of recipients) {
    const windowStart = windowStartOf.get(userId)!;
    const sections: Section[] = digestGroups
      .get(userId)!
      .map((group) => ({
        group,
        items: rows
          .filter((row) => row.userId === userId && row.groupId === group.id && row.createdAt >= windowStart)
          .filter((row) => {
            const threadId = threadIdOf(row.url);
            return !threadId || !mutedThreads.has(`${userId} ${threadId}`);
          })
          .map((row) => ({ ...row, actorName: row.actor?.name ?? null })),
      }))
      .filter(({ items }) => items.length > 0);
    try {
      await db.$transaction(async (tx) => {
        const delivery = await tx.digestDelivery.create({
          data: { userId, day: clock.day, windowStart, windowEnd: now },
          select: { id: true },
        });
        if (sections.length === 0) return;
        const scope = sections.length === 1 ? sections[0]!.group.id : ACCOUNT_SCOPE;
        const links = unsubscribeLinks(userId, scope);
        const { subject, content } = digestEmail(sections, windowStart, schedule.timeZone);
        const [message] = await queueMails(tx, [
          {
            to: emailOf.get(userId)!,
            subject,
            userId,
            unsubscribeUrl: links.oneClickUrl,
            content: {
              ...content,
              footerLinks: [
                { label: "Change your email settings", url: absoluteUrl("/settings/notifications") },
                { label: sections.length === 1 ? `Unsubscribe from ${sections[0]!.group.name} emails` : "Unsubscribe from all notification email", url: links.pageUrl },
              ],
            },
          },
        ]);
        await tx.digestDelivery.update({ where: { id: delivery.id }, data: { outboxMessageId: message!.id } });
      });
      if (sections.length) report.sent += 1;
      else report.nothingNew += 1;
    } catch (error) {
      // Another run (or server) claimed this person's day first: it sends, this one must not.
      if (isUniqueViolation(error)) report.alreadyDone += 1;
      else throw error;
    }
  }
  if (report.sent) wakeMailWorker();
  return report;
}

/**
 * Runs the digest now (catching up after downtime), then every `intervalMs`, each turn on one
 * instance only (cluster/job-lock.ts); each run sends only what is due.
 */
export function startDigestScheduler(db: Db, schedule: DigestSchedule, { redis, intervalMs = 5 * 60_000 }: JobSchedule): () => void {
  const run = () =>
    runJobTurn("digest", redis, () => runDigest(db, schedule)).catch((error: unknown) => logger.error({ err: error }, "daily digest failed"));
  void run();
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
