import { listExcerpt } from "@/lib/text";
import type { Db } from "@/server/db";
import { imageUrl } from "@/server/images/service";
import type { Person, ReactionSummary } from "@/server/threads/schemas";

/** The Prisma select for a person shown beside their words. */
export const personSelect = { id: true, name: true, avatarId: true } as const;

export function toPerson(user: { id: string; name: string; avatarId: string | null }): Person {
  return { id: user.id, name: user.name, avatarUrl: imageUrl(user.avatarId) };
}

export const reactionSelect = {
  subjectId: true,
  emoji: true,
  user: { select: { id: true, name: true } },
} as const;

type ReactionRow = { subjectId: string; emoji: string; user: { id: string; name: string } };

/** Groups reaction rows by subject, then by emoji in first-use order. */
export function summariseReactions(rows: ReactionRow[]): Map<string, ReactionSummary[]> {
  const bySubject = new Map<string, Map<string, ReactionSummary>>();
  for (const row of rows) {
    const byEmoji = bySubject.get(row.subjectId) ?? new Map<string, ReactionSummary>();
    bySubject.set(row.subjectId, byEmoji);
    const summary = byEmoji.get(row.emoji) ?? { emoji: row.emoji, count: 0, people: [] };
    summary.count += 1;
    summary.people.push(row.user);
    byEmoji.set(row.emoji, summary);
  }
  return new Map([...bySubject].map(([subjectId, byEmoji]) => [subjectId, [...byEmoji.values()]]));
}

/**
 * The reactions to one thread or comment, summarised. The reactors' names are looked up only when
 * there are reactions: as a relation they cost a query even for none.
 */
export async function reactionsTo(db: Db, subject: "thread" | "comment", subjectId: string): Promise<ReactionSummary[]> {
  const rows = await db.reaction.findMany({
    where: { subject, subjectId },
    select: { subjectId: true, emoji: true, userId: true },
    orderBy: { createdAt: "asc" },
  });
  if (!rows.length) return [];
  const people = await db.user.findMany({ where: { id: { in: [...new Set(rows.map(({ userId }) => userId))] } }, select: { id: true, name: true } });
  const byId = new Map(people.map((person) => [person.id, person]));
  const named = rows.flatMap(({ userId, ...row }) => {
    const user = byId.get(userId);
    return user ? [{ ...row, user }] : [];
  });
  return summariseReactions(named).get(subjectId) ?? [];
}

/**
 * What the viewer has not read of a thread, from its newest comment number and their read mark
 * (none: never opened). The thread list and the dashboard both count unread this way.
 */
export function readStateOf(lastCommentSeq: number, read: { lastReadSeq: number } | undefined) {
  return { unreadCount: Math.max(0, lastCommentSeq - (read?.lastReadSeq ?? 0)), unseen: !read };
}

/** Plain text for list previews: markdown punctuation and mention targets removed. */
export function excerptOf(markdown: string, length = 200): string {
  return listExcerpt(markdown, length);
}
