import type { Db } from "@/server/db";
import type { NotificationKind } from "@/server/notifications/schemas";

/** The notifications that ask someone to vote: answered once they have voted. */
export const VOTE_REQUEST_KINDS = ["new_poll", "poll_closing"] as const satisfies readonly NotificationKind[];

const isVoteRequest = (kind: NotificationKind) => (VOTE_REQUEST_KINDS as readonly NotificationKind[]).includes(kind);

/**
 * Where a request to vote leads: the poll's page, or its card in the thread. The poll's id is in
 * the address either way, so the request can be matched to the poll (a thread may hold several).
 */
export function voteRequestUrl(poll: { id: string; threadId: string | null }): string {
  return poll.threadId ? `/threads/${poll.threadId}#poll-${poll.id}-title` : `/polls/${poll.id}`;
}

/** The poll a request to vote is about, read back from its address; null for older thread-only ones. */
export function pollIdOfVoteRequest(url: string): string | null {
  return /^\/polls\/([^/?#]+)$/.exec(url)?.[1] ?? /#poll-(.+)-title$/.exec(url)?.[1] ?? null;
}

/** Once someone has voted, the poll's requests to vote ask nothing more of them: they are marked read. */
export async function resolveVoteRequests(db: Db, userId: string, poll: { id: string; threadId: string | null }): Promise<void> {
  await db.notification.updateMany({
    where: { userId, kind: { in: [...VOTE_REQUEST_KINDS] }, url: voteRequestUrl(poll), readAt: null },
    data: { readAt: new Date() },
  });
}

/** Which of these notifications ask for a vote the person has since given: one query for the whole page. */
export async function answeredVoteRequests(
  db: Db,
  userId: string,
  rows: readonly { id: string; kind: NotificationKind; url: string }[],
): Promise<Set<string>> {
  const requests = rows.flatMap(({ id, kind, url }) => {
    const pollId = isVoteRequest(kind) ? pollIdOfVoteRequest(url) : null;
    return pollId ? [{ id, pollId }] : [];
  });
  if (requests.length === 0) return new Set();
  const voted = await db.pollParticipation.findMany({
    where: { userId, pollId: { in: [...new Set(requests.map(({ pollId }) => pollId))] } },
    select: { pollId: true },
  });
  const votedPolls = new Set(voted.map(({ pollId }) => pollId));
  return new Set(requests.filter(({ pollId }) => votedPolls.has(pollId)).map(({ id }) => id));
}
