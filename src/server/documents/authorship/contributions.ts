import * as Y from "yjs";
import type { Db } from "@/server/db";
import { deleteSetsOf, type DeleteSet } from "@/server/documents/authorship/delete-sets";
import { idKey, identifiedBlocksOf, NO_CLIENT, visibleIds, wordsOf, type IdentifiedBlock } from "@/server/documents/authorship/text";

/** What one person did between two versions. */
export type Contribution = { wordsAdded: number; wordsRemoved: number; suggestionsAccepted: number };

const empty = (): Contribution => ({ wordsAdded: 0, wordsRemoved: 0, suggestionsAccepted: 0 });

/** Whoever has the most of the given characters; ties go to whoever comes first. */
function majority(people: readonly string[]): string | null {
  const counts = new Map<string, number>();
  let best: string | null = null;
  for (const person of people) {
    const count = (counts.get(person) ?? 0) + 1;
    counts.set(person, count);
    if (best === null || count > counts.get(best)!) best = person;
  }
  return best;
}

/**
 * Words added and removed per person between two states of a document (pure; `before` is null for
 * a first version). A word of `after` is added when some of its characters were not in the agreed
 * text of `before`, and is credited to whoever's Yjs clients wrote most of those. A word of `before`
 * is removed when some of its characters are gone, credited to whoever's delete set holds most of
 * those. A changed word counts as one removed and one added, as the diff shows it. Characters of
 * unclaimed clients (written before this was counted) and deletions nobody is credited with count
 * for no one.
 */
export function countWords(
  before: readonly IdentifiedBlock[],
  after: readonly IdentifiedBlock[],
  owners: ReadonlyMap<number, string>,
  deleteSets: ReadonlyMap<string, DeleteSet>,
): Map<string, Contribution> {
  const result = new Map<string, Contribution>();
  const of = (userId: string) => result.get(userId) ?? result.set(userId, empty()).get(userId)!;
  const wasVisible = visibleIds(before);
  const isVisible = visibleIds(after);

  for (const block of after) {
    for (const { start, end } of wordsOf(block)) {
      const writers: string[] = [];
      let fresh = false;
      for (let index = start; index < end; index++) {
        const client = block.clients[index]!;
        if (client === NO_CLIENT || wasVisible.has(idKey(client, block.clocks[index]!))) continue;
        fresh = true;
        const owner = owners.get(client);
        if (owner) writers.push(owner);
      }
      const writer = fresh ? majority(writers) : null;
      if (writer) of(writer).wordsAdded += 1;
    }
  }

  const deleters = [...deleteSets];
  for (const block of before) {
    for (const { start, end } of wordsOf(block)) {
      const removers: string[] = [];
      for (let index = start; index < end; index++) {
        const client = block.clients[index]!;
        const clock = block.clocks[index]!;
        if (client === NO_CLIENT || isVisible.has(idKey(client, clock))) continue;
        const remover = deleters.find(([, deleteSet]) => Y.isDeleted(deleteSet, { client, clock }))?.[0];
        if (remover) removers.push(remover);
      }
      const remover = majority(removers);
      if (remover) of(remover).wordsRemoved += 1;
    }
  }
  return result;
}

/**
 * Everyone's contribution to a version about to be recorded with `state`, since the version before
 * (`previous`, null for the first): words added and removed, and their suggestions accepted since then.
 */
export async function contributionsSince(
  db: Db,
  documentId: string,
  previous: { state: Uint8Array; createdAt: Date } | null,
  state: Uint8Array,
): Promise<Map<string, Contribution>> {
  const [clients, deleteSets, accepted] = await Promise.all([
    db.documentClient.findMany({ where: { documentId }, select: { clientId: true, userId: true } }),
    deleteSetsOf(db, documentId),
    db.suggestion.groupBy({
      by: ["authorId"],
      where: { documentId, status: "accepted", ...(previous && { decidedAt: { gt: previous.createdAt } }) },
      _count: { _all: true },
    }),
  ]);
  const owners = new Map(clients.map(({ clientId, userId }) => [Number(clientId), userId]));
  const counts = countWords(previous ? identifiedBlocksOf(previous.state) : [], identifiedBlocksOf(state), owners, deleteSets);
  for (const { authorId, _count } of accepted) {
    const entry = counts.get(authorId) ?? empty();
    entry.suggestionsAccepted = _count._all;
    counts.set(authorId, entry);
  }
  return counts;
}
