import { mentionedUserIds } from "@/lib/mentions";
import type { Db } from "@/server/db";
import type { Publish } from "@/server/events";
import { notify, notifyMany, withoutFailing } from "@/server/notifications/notify";
import { undecidedWhere } from "@/server/polls/voters";
import { membershipsAllowedWhere, threadViewersWhere } from "@/server/policy";
import { voteRequestUrl } from "@/server/notifications/vote-requests";
import { excerptOf } from "@/server/threads/dto";

/** How much of a comment or thread a notification shows under its title. */
const NOTIFICATION_EXCERPT_LENGTH = 140;

/**
 * The first words of a comment or thread as plain text: markdown, links and images reduced to
 * their words. Only for threads and comments, which name their author anyway; polls (whose
 * ballots may be anonymous) get none.
 */
export function notificationExcerpt(markdown: string): string {
  return excerptOf(markdown.replace(/!\[([^\]\n]{0,300})\]\([^)\n]{0,1000}\)/g, "$1"), NOTIFICATION_EXCERPT_LENGTH);
}

/**
 * Who hears about what. Each trigger runs after the caller's write has succeeded and never
 * throws (see withoutFailing); the services call them with the facts they already hold.
 */

/** Everyone who sees every thread of the group: its members and admins, never its guests. */
async function groupReaders(db: Db, groupId: string): Promise<string[]> {
  const memberships = await db.membership.findMany({
    where: { groupId, ...membershipsAllowedWhere("thread.viewAll") },
    select: { userId: true },
  });
  return memberships.map(({ userId }) => userId);
}

/**
 * A new comment, in one pass: the people it mentions hear about the mention, the author of the
 * comment it answers about the reply, and the thread's followers about a new comment. Each
 * person hears once (mention before reply before new comment), never the comment's author, and
 * only while they may see the thread (a notification must not leak it). One read finds them all.
 */
export async function notifyComment(
  db: Db,
  publish: Publish,
  args: {
    actorId: string;
    thread: { id: string; groupId: string; title: string };
    comment: { id: string; body: string };
    repliedToAuthorId: string | null;
  },
): Promise<void> {
  await withoutFailing("new_comment", async () => {
    const { thread, comment, repliedToAuthorId } = args;
    const mentionedIds = mentionedUserIds(comment.body);
    const named = repliedToAuthorId ? [...mentionedIds, repliedToAuthorId] : mentionedIds;
    const readers = await db.user.findMany({
      where: {
        AND: [
          threadViewersWhere(thread),
          { OR: [{ id: { in: named } }, { threadFollows: { some: { threadId: thread.id, following: true } } }] },
        ],
      },
      select: { id: true, threadFollows: { where: { threadId: thread.id, following: true }, select: { userId: true } } },
    });
    const canSee = new Set(readers.map(({ id }) => id));
    const excerpt = [excerptOf(comment.body, 500)];
    await notifyMany(
      db,
      publish,
      {
        actorId: args.actorId,
        groupId: thread.groupId,
        title: thread.title,
        url: `/threads/${thread.id}#comment-${comment.id}`,
        excerpt: notificationExcerpt(comment.body),
      },
      [
        { kind: "mention", recipients: mentionedIds.filter((id) => canSee.has(id)), details: excerpt },
        { kind: "reply", recipients: repliedToAuthorId && canSee.has(repliedToAuthorId) ? [repliedToAuthorId] : [] },
        { kind: "new_comment", recipients: readers.filter(({ threadFollows }) => threadFollows.length > 0).map(({ id }) => id), details: excerpt },
      ],
    );
  });
}

/**
 * A new thread reaches everyone who can see it: the people its body mentions as a mention, the
 * rest of the group's readers as a new thread; never its author. A new thread has no invited
 * guests yet, so someone mentioned who is not a reader hears nothing (a notification must not
 * leak the thread).
 */
export async function notifyNewThread(
  db: Db,
  publish: Publish,
  args: { actorId: string; groupId: string; threadId: string; title: string; body: string },
): Promise<void> {
  await withoutFailing("new_thread", async () => {
    const readers = await groupReaders(db, args.groupId);
    const canSee = new Set(readers);
    const common = { actorId: args.actorId, groupId: args.groupId, title: args.title, url: `/threads/${args.threadId}`, excerpt: notificationExcerpt(args.body) };
    await notifyMany(db, publish, common, [
      { kind: "mention", recipients: mentionedUserIds(args.body).filter((id) => canSee.has(id)), details: [excerptOf(args.body, 500)] },
      { kind: "new_thread", recipients: readers },
    ]);
  });
}

/** The people who may vote: the chosen voters, or every member and admin. */
export async function notifyNewPoll(
  db: Db,
  publish: Publish,
  args: { actorId: string; poll: { id: string; groupId: string; threadId: string | null; restrictVoters: boolean; title: string } },
): Promise<void> {
  await withoutFailing("new_poll", async () => {
    const voters = await db.user.findMany({ where: undecidedWhere(args.poll), select: { id: true } });
    await notify(db, publish, {
      recipients: voters.map(({ id }) => id),
      kind: "new_poll",
      actorId: args.actorId,
      groupId: args.poll.groupId,
      title: args.poll.title,
      url: voteRequestUrl(args.poll),
    });
  });
}

export function pollUrl(poll: { id: string; threadId: string | null }): string {
  return poll.threadId ? `/threads/${poll.threadId}` : `/polls/${poll.id}`;
}
