import type { Publish } from "@/server/events";

/**
 * Polls change for everyone at once (a vote, closing, an outcome): open pages and lists
 * refetch. The payload carries ids only, so an anonymous vote reveals nothing about its voter.
 */
export function publishPollChange(
  publish: Publish,
  poll: { id: string; groupId: string; threadId: string | null },
  adoptedIn?: string | null,
): void {
  const payload = { pollId: poll.id, groupId: poll.groupId, threadId: poll.threadId, ...(adoptedIn && { documentId: adoptedIn }) };
  publish({ name: "poll.updated", room: `group:${poll.groupId}`, payload });
  if (poll.threadId) publish({ name: "poll.updated", room: `thread:${poll.threadId}`, payload });
}
