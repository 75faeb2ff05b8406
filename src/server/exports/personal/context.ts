import type { Db } from "@/server/db";
import { documentsVisibleToWhere, membershipsAllowedWhere, pollsVisibleToWhere, threadsVisibleToWhere } from "@/server/policy";

/** Where something the person wrote belongs. The group's name and handle are shown to anyone signed in. */
export type GroupRef = { handle: string; name: string };

const ids = (values: Iterable<string | null | undefined>) => [...new Set([...values].filter((id): id is string => Boolean(id)))];

/**
 * The titles of the threads, polls, documents, decisions and meetings of a page of the person's
 * own records, for those they may still see (one query per kind). What they wrote is theirs
 * wherever it is; the title of a thread in a group they have left is the group's, and stays out
 * of the file.
 */
export async function visibleTitles(
  db: Db,
  userId: string,
  refs: Partial<Record<"threads" | "polls" | "documents" | "decisions" | "meetings", Iterable<string | null | undefined>>>,
): Promise<Record<"thread" | "poll" | "document" | "decision" | "meeting", Map<string, string>>> {
  const [threads, polls, documents, decisions, meetings] = await Promise.all([
    refs.threads ? db.thread.findMany({ where: { id: { in: ids(refs.threads) }, ...threadsVisibleToWhere(userId) }, select: { id: true, title: true } }) : [],
    refs.polls ? db.poll.findMany({ where: { id: { in: ids(refs.polls) }, ...pollsVisibleToWhere(userId) }, select: { id: true, title: true } }) : [],
    refs.documents
      ? db.document.findMany({ where: { id: { in: ids(refs.documents) }, ...documentsVisibleToWhere(userId) }, select: { id: true, title: true } })
      : [],
    refs.decisions
      ? db.decision.findMany({
          where: { id: { in: ids(refs.decisions) }, group: { memberships: { some: { userId, ...membershipsAllowedWhere("decision.view") } } } },
          select: { id: true, title: true },
        })
      : [],
    refs.meetings
      ? db.meeting.findMany({
          where: { id: { in: ids(refs.meetings) }, group: { memberships: { some: { userId, ...membershipsAllowedWhere("meeting.view") } } } },
          select: { id: true, title: true },
        })
      : [],
  ]);
  const byId = (rows: { id: string; title: string }[]) => new Map(rows.map(({ id, title }) => [id, title]));
  return { thread: byId(threads), poll: byId(polls), document: byId(documents), decision: byId(decisions), meeting: byId(meetings) };
}
