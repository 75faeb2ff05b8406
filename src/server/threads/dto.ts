import { Prisma } from "@/generated/prisma/client.ts";
import { listExcerpt } from "@/lib/text";
import type { Db } from "@/server/db";
import { imageUrl } from "@/server/images/service";
import type { Person, ReactionSummary } from "@/server/threads/schemas";

/** The Prisma select for a person shown beside their words. */
export const personSelect = { id: true, name: true, avatarId: true } as const;

export function toPerson(user: { id: string; name: string; avatarId: string | null }): Person {
  return { id: user.id, name: user.name, avatarUrl: imageUrl(user.avatarId) };
}

/**
 * For SQL reads of something with an author (a thread, a comment) joined to its author as `u`:
 * the author's name and avatar, which authorIn reads back with the row's own `authorId`.
 */
export const AUTHOR_COLUMNS = Prisma.raw(`u."name" AS "authorName", u."avatarId" AS "authorAvatarId"`);
export type AuthorColumns = { authorId: string; authorName: string; authorAvatarId: string | null };

/** The author of a row read with AUTHOR_COLUMNS, as personSelect gives it. */
export function authorIn(row: AuthorColumns): { id: string; name: string; avatarId: string | null } {
  return { id: row.authorId, name: row.authorName, avatarId: row.authorAvatarId };
}

/** The tags of these threads, alphabetical, by thread: one SQL statement. */
export async function tagsOf(db: Db, threadIds: readonly string[]): Promise<Map<string, string[]>> {
  const tags = new Map<string, string[]>();
  if (threadIds.length === 0) return tags;
  const rows = await db.$queryRaw<{ threadId: string; tag: string }[]>`
    SELECT "threadId", "tag" FROM "ThreadTag" WHERE "threadId" IN (${Prisma.join(threadIds)}) ORDER BY "tag" ASC`;
  for (const { threadId, tag } of rows) tags.set(threadId, [...(tags.get(threadId) ?? []), tag]);
  return tags;
}

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
 * The reactions to these threads or comments, summarised by subject, with the reactors' names:
 * one SQL statement (Prisma's API took two), as every thread view asks.
 */
export async function reactionsOf(db: Db, subject: "thread" | "comment", subjectIds: readonly string[]): Promise<Map<string, ReactionSummary[]>> {
  if (subjectIds.length === 0) return new Map();
  const rows = await db.$queryRaw<{ subjectId: string; emoji: string; userId: string; name: string }[]>`
    SELECT r."subjectId", r."emoji", r."userId", u."name" FROM "Reaction" AS r JOIN "User" AS u ON u."id" = r."userId"
    WHERE r."subject" = ${subject} AND r."subjectId" IN (${Prisma.join(subjectIds)})
    ORDER BY r."createdAt" ASC`;
  return summariseReactions(rows.map(({ subjectId, emoji, userId, name }) => ({ subjectId, emoji, user: { id: userId, name } })));
}

/** The reactions to one thread or comment, summarised. */
export async function reactionsTo(db: Db, subject: "thread" | "comment", subjectId: string): Promise<ReactionSummary[]> {
  return (await reactionsOf(db, subject, [subjectId])).get(subjectId) ?? [];
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
