import { decodeCursor, encodeCursor, feedOrder, type FeedPosition } from "@/server/activity/cursor";
import type { ActivityPage, ListActivityInput } from "@/server/activity/schemas";
import { visibleSources } from "@/server/activity/sources";
import type { Db } from "@/server/db";
import { requireInGroup } from "@/server/groups/standing";
import { personSelect, toPerson } from "@/server/threads/dto";

export const ACTIVITY_PAGE_SIZE = 25;

const positionOf = (item: { createdAt: Date; type: FeedPosition["type"]; id: string }): FeedPosition => ({
  at: item.createdAt,
  type: item.type,
  id: item.id,
});

/**
 * Who did what in one group, newest first, derived from the rows themselves (so imported history
 * takes its place by its own dates). Each source reads at most a page and one more row after the
 * cursor; the merge keeps a page, and the next one starts right after its last item.
 */
export async function listActivity(db: Db, userId: string, input: ListActivityInput): Promise<ActivityPage> {
  const standing = await requireInGroup(db, userId, input.groupId, "group.view");
  const after = input.cursor ? decodeCursor(input.cursor) : null;
  const wanted = input.types?.length ? new Set(input.types) : null;
  const sources = visibleSources(db, userId, input.groupId, standing).filter((source) => !wanted || wanted.has(source.type));

  const entries = (await Promise.all(sources.map((source) => source.load(after, ACTIVITY_PAGE_SIZE + 1)))).flat();
  entries.sort((a, b) => feedOrder(positionOf(a.item), positionOf(b.item)));
  const page = entries.slice(0, ACTIVITY_PAGE_SIZE);

  const actorIds = [...new Set(page.flatMap((entry) => (entry.actorId ? [entry.actorId] : [])))];
  const actors = actorIds.length
    ? new Map((await db.user.findMany({ where: { id: { in: actorIds } }, select: personSelect })).map((user) => [user.id, toPerson(user)]))
    : new Map();
  const last = page.at(-1);
  return {
    items: page.map(({ item, actorId }) => (actorId ? { ...item, actor: actors.get(actorId) ?? null } : item)),
    nextCursor: entries.length > ACTIVITY_PAGE_SIZE && last ? encodeCursor(positionOf(last.item)) : null,
  };
}
