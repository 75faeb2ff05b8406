import * as Y from "yjs";
import type { Db } from "@/server/db";
import { isUniqueViolation } from "@/server/db/unique-violation";

/**
 * How many client ids one update may claim at once. An editor has one per tab session; edits kept
 * offline across a few reloads bring a few more. Far more is someone claiming ids in bulk.
 */
export const MAX_NEW_CLIENTS_PER_UPDATE = 16;

export const OTHERS_CLIENT = "That change carries edits made in another person's editor, so it was refused. Reload the document to carry on.";
export const TOO_MANY_CLIENTS = "That change carries edits from too many editing sessions at once. Reload the document to carry on.";

/** What an update may be judged on before anything is written: refused now, or the client ids still to claim. */
export type ClientVerdict = { ok: true; unclaimed: number[] } | { ok: false; reason: string };

/**
 * Who each Yjs client id of an open document belongs to, as far as this instance knows. Claims
 * never change hands, so the cache never goes stale; an id missing from it is asked of the database.
 */
const claims = new WeakMap<Y.Doc, { loaded: Promise<Map<number, string>>; owners: Map<number, string> | null }>();

/** The client ids whose structs in the update reach beyond what `doc` already holds: the clients it writes as. */
export function writingClients(update: Uint8Array, doc: Y.Doc): number[] | null {
  let to: Map<number, number>;
  try {
    ({ to } = Y.parseUpdateMeta(update));
  } catch {
    return null;
  }
  return [...to].filter(([client, clock]) => clock > Y.getState(doc.store, client)).map(([client]) => client);
}

/**
 * Judges an update from `userId` by the client ids it writes as, without waiting: refused when one
 * of them is known to be someone else's, or is the cursor of someone else's open seat (a cursor shows
 * its client id to everyone, so a person could otherwise claim another's id before they type).
 * Anything this cannot read is left to the update check, which refuses it.
 */
export function judgeClients(doc: Y.Doc, userId: string, data: unknown, maxBytes: number, cursorOwner: (client: number) => string | undefined): ClientVerdict {
  if (!(data instanceof Uint8Array) || data.byteLength > maxBytes) return { ok: true, unclaimed: [] };
  const clients = writingClients(data, doc);
  if (!clients) return { ok: true, unclaimed: [] };
  const owners = claims.get(doc)?.owners ?? null;
  const unclaimed: number[] = [];
  for (const client of clients) {
    const owner = owners?.get(client) ?? cursorOwner(client);
    if (owner !== undefined && owner !== userId) return { ok: false, reason: OTHERS_CLIENT };
    if (owners?.get(client) !== userId) unclaimed.push(client);
  }
  if (unclaimed.length > MAX_NEW_CLIENTS_PER_UPDATE) return { ok: false, reason: TOO_MANY_CLIENTS };
  return { ok: true, unclaimed };
}

function ownersOf(db: Db, documentId: string, doc: Y.Doc): Promise<Map<number, string>> {
  let entry = claims.get(doc);
  if (!entry) {
    const created: { loaded: Promise<Map<number, string>>; owners: Map<number, string> | null } = { loaded: Promise.resolve(new Map()), owners: null };
    created.loaded = db.documentClient
      .findMany({ where: { documentId }, select: { clientId: true, userId: true } })
      .then((rows) => (created.owners = new Map(rows.map(({ clientId, userId }) => [Number(clientId), userId]))));
    created.loaded.catch(() => claims.delete(doc));
    claims.set(doc, created);
    entry = created;
  }
  return entry.loaded;
}

/**
 * Records the client ids for `userId` where nobody has them yet: the first claim wins, on any
 * instance (a unique key decides; SQLite has no skipDuplicates, so a batch that meets a claim made
 * meanwhile is retried one id at a time). Returns who owns each id afterwards.
 */
export async function claimClients(db: Db, documentId: string, clients: readonly number[], userId: string): Promise<Map<number, string>> {
  const data = clients.map((client) => ({ documentId, clientId: BigInt(client), userId }));
  const taken = await db.documentClient.findMany({
    where: { documentId, clientId: { in: data.map(({ clientId }) => clientId) } },
    select: { clientId: true, userId: true },
  });
  const fresh = data.filter(({ clientId }) => !taken.some((row) => row.clientId === clientId));
  if (fresh.length) {
    try {
      await db.documentClient.createMany({ data: fresh });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      await Promise.all(fresh.map((row) => db.documentClient.create({ data: row, select: { clientId: true } }).catch((raced: unknown) => {
        if (!isUniqueViolation(raced)) throw raced;
      })));
    }
  }
  const rows = fresh.length
    ? await db.documentClient.findMany({
        where: { documentId, clientId: { in: data.map(({ clientId }) => clientId) } },
        select: { clientId: true, userId: true },
      })
    : taken;
  return new Map(rows.map(({ clientId, userId: owner }) => [Number(clientId), owner]));
}

/**
 * Claims an open document's unclaimed client ids for the person whose update carries them, before
 * the update is checked or stored. Null when they are now all theirs; the refusal otherwise.
 */
export async function claimForSeat(db: Db, documentId: string, doc: Y.Doc, clients: readonly number[], userId: string): Promise<string | null> {
  const owners = await ownersOf(db, documentId, doc);
  const unknown = clients.filter((client) => !owners.has(client));
  if (unknown.length) for (const [client, owner] of await claimClients(db, documentId, unknown, userId)) owners.set(client, owner);
  return clients.every((client) => owners.get(client) === userId) ? null : OTHERS_CLIENT;
}

/**
 * The server's own changes (a restore, a decided suggestion) are made by a fresh Yjs client for the
 * person on whose behalf it acts: its new client ids are theirs. Without a person they stay unclaimed,
 * so what they wrote reads as "Earlier edits".
 */
export async function claimServerClients(db: Db, documentId: string, update: Uint8Array, userId: string | null): Promise<void> {
  if (!userId) return;
  const clients = [...Y.parseUpdateMeta(update).to.keys()];
  if (clients.length) await claimClients(db, documentId, clients, userId);
}
