import type { Db } from "@/server/db";
import type { Publish } from "@/server/events";
import { notifyNewPoll } from "@/server/notifications/triggers";
import { publishPollChange } from "@/server/polls/events";

type OpeningPoll = { id: string; groupId: string; threadId: string | null; restrictVoters: boolean; title: string; authorId: string };

/**
 * A scheduled poll has opened: its voters are asked to vote (the new_poll notification) once.
 * The notice is claimed first with a conditional update, so two scheduler runs, or a run and an
 * edit that opens the poll now, never both send it. A scheduled poll is announced on its page and
 * in lists from creation, but asks nobody to vote until it takes votes.
 */
export async function announceOpening(db: Db, publish: Publish, poll: OpeningPoll, now = new Date()): Promise<boolean> {
  const { count } = await db.poll.updateMany({ where: { id: poll.id, openedNoticeAt: null }, data: { openedNoticeAt: now } });
  if (!count) return false;
  publishPollChange(publish, poll);
  await notifyNewPoll(db, publish, { actorId: poll.authorId, poll });
  return true;
}
