import type { Db } from "@/server/db";
import { documentsVisibleToWhere, pollsVisibleToWhere, threadsVisibleToWhere } from "@/server/policy";

/** Where something the person wrote belongs. The group's name and handle are shown to anyone signed in. */
export type GroupRef = { handle: string; name: string };

const ids = (values: Iterable<string | null | undefined>) => [...new Set([...values].filter((id): id is string => Boolean(id)))];

/**
 * The titles of the threads, polls and documents of a page of the person's own records, for
 * those they may still see (one query per kind). What they wrote is theirs wherever it is; the
 * title of a thread in a group they have left is the group's, and stays out of the file.
 */
export async function visibleTitles(
  db: Db,
  userId: string,
  refs: { threads?: Iterable<string | null | undefined>; polls?: Iterable<string | null | undefined>; documents?: Iterable<string | null | undefined> },
): Promise<{ thread: Map<string, string>; poll: Map<string, string>; document: Map<string, string> }> {
  const [threads, polls, documents] = await Promise.all([
    refs.threads ? db.thread.findMany({ where: { id: { in: ids(refs.threads) }, ...threadsVisibleToWhere(userId) }, select: { id: true, title: true } }) : [],
    refs.polls ? db.poll.findMany({ where: { id: { in: ids(refs.polls) }, ...pollsVisibleToWhere(userId) }, select: { id: true, title: true } }) : [],
    refs.documents
      ? db.document.findMany({ where: { id: { in: ids(refs.documents) }, ...documentsVisibleToWhere(userId) }, select: { id: true, title: true } })
      : [],
  ]);
  const byId = (rows: { id: string; title: string }[]) => new Map(rows.map(({ id, title }) => [id, title]));
  return { thread: byId(threads), poll: byId(polls), document: byId(documents) };
}
