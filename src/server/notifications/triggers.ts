import type { Db } from "@/server/db";
import type { Publish } from "@/server/events";
import { notify, withoutFailing } from "@/server/notifications/notify";
import { undecidedWhere } from "@/server/polls/voters";
import { canViewThread, GROUP_SETTINGS_SELECT, rolesAlwaysAllowed } from "@/server/policy";
import { excerptOf } from "@/server/threads/dto";

/**
 * Who hears about what. Each trigger runs after the caller's write has succeeded and never
 * throws (see withoutFailing); the services call them with the facts they already hold.
 */

/** Of these people, the ones who may see the thread now (a notification must not leak it). */
async function threadReaders(db: Db, threadId: string, candidates: string[]): Promise<string[]> {
  const thread = await db.thread.findUniqueOrThrow({
    where: { id: threadId },
    select: {
      group: {
        select: {
          ...GROUP_SETTINGS_SELECT,
          memberships: { where: { userId: { in: candidates } }, select: { role: true, userId: true } },
        },
      },
      guests: { where: { userId: { in: candidates } }, select: { userId: true } },
    },
  });
  const guestIds = new Set(thread.guests.map(({ userId }) => userId));
  const { memberships, ...settings } = thread.group;
  return memberships
    .filter(({ role, userId }) => canViewThread({ role, settings }, { isThreadGuest: guestIds.has(userId) }))
    .map(({ userId }) => userId);
}

/** Everyone who sees every thread of the group: its members and admins, never its guests. */
async function groupReaders(db: Db, groupId: string): Promise<string[]> {
  const memberships = await db.membership.findMany({
    where: { groupId, role: { in: [...rolesAlwaysAllowed("thread.viewAll")] } },
    select: { userId: true },
  });
  return memberships.map(({ userId }) => userId);
}

/** The author of the comment replied to, unless the reply already mentions them (they hear about the mention). */
export async function notifyReply(
  db: Db,
  publish: Publish,
  args: { actorId: string; threadId: string; commentId: string; repliedToId: string; mentionedIds: string[] },
): Promise<void> {
  await withoutFailing("reply", async () => {
    const parent = await db.comment.findUniqueOrThrow({
      where: { id: args.repliedToId },
      select: { authorId: true, thread: { select: { title: true, groupId: true } } },
    });
    if (parent.authorId === args.actorId || args.mentionedIds.includes(parent.authorId)) return;
    await notify(db, publish, {
      recipients: await threadReaders(db, args.threadId, [parent.authorId]),
      kind: "reply",
      actorId: args.actorId,
      groupId: parent.thread.groupId,
      title: parent.thread.title,
      url: `/threads/${args.threadId}#comment-${args.commentId}`,
    });
  });
}

export async function notifyNewThread(
  db: Db,
  publish: Publish,
  args: { actorId: string; groupId: string; threadId: string; title: string },
): Promise<void> {
  await withoutFailing("new_thread", async () => {
    await notify(db, publish, {
      recipients: await groupReaders(db, args.groupId),
      kind: "new_thread",
      actorId: args.actorId,
      groupId: args.groupId,
      title: args.title,
      url: `/threads/${args.threadId}`,
    });
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
      url: pollUrl(args.poll),
    });
  });
}

export function pollUrl(poll: { id: string; threadId: string | null }): string {
  return poll.threadId ? `/threads/${poll.threadId}` : `/polls/${poll.id}`;
}

/**
 * Everyone following the thread hears about a new comment in it, except its author and the
 * people the comment already reached as a mention or as a reply to their comment.
 */
export async function notifyFollowers(
  db: Db,
  publish: Publish,
  args: { actorId: string; threadId: string; commentId: string; repliedToId: string | null; mentionedIds: string[] },
): Promise<void> {
  await withoutFailing("new_comment", async () => {
    const [thread, parent, comment] = await Promise.all([
      db.thread.findUniqueOrThrow({
        where: { id: args.threadId },
        select: { title: true, groupId: true, follows: { where: { following: true }, select: { userId: true } } },
      }),
      args.repliedToId ? db.comment.findUnique({ where: { id: args.repliedToId }, select: { authorId: true } }) : null,
      db.comment.findUniqueOrThrow({ where: { id: args.commentId }, select: { body: true } }),
    ]);
    const reached = new Set([args.actorId, ...args.mentionedIds, ...(parent ? [parent.authorId] : [])]);
    const candidates = thread.follows.map(({ userId }) => userId).filter((id) => !reached.has(id));
    if (candidates.length === 0) return;
    await notify(db, publish, {
      recipients: await threadReaders(db, args.threadId, candidates),
      kind: "new_comment",
      actorId: args.actorId,
      groupId: thread.groupId,
      title: thread.title,
      url: `/threads/${args.threadId}#comment-${args.commentId}`,
      details: [excerptOf(comment.body, 500)],
    });
  });
}
