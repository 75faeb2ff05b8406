import type { Node as PmNode } from "@tiptap/pm/model";
import * as Y from "yjs";
import { DOCUMENT_FRAGMENT } from "@/lib/documents/extensions";
import {
  ContentReader,
  documentSchema,
  elementType,
  formatProblem,
  isKnownAttribute,
  isPlainValue,
  MAX_NESTING,
  mayHold,
  UNFIT,
  Unfit,
  type UnfitReason,
} from "@/server/documents/content-schema";
import { readDocument } from "@/server/documents/repair";
import { suggestionsIn, withoutSuggestions } from "@/server/suggestions/text";

/** The largest Yjs update one message may carry: a long paste fits, a flood does not. */
export const MAX_UPDATE_BYTES = 256 * 1024;

export type CheckedUpdate = { ok: true; update: Uint8Array; empty: boolean } | { ok: false; reason: string };

/**
 * A seat that may only suggest (a guest allowed to): its update may add, extend or withdraw its own
 * suggestions, nothing else. `othersIds` are the open suggestions of everyone else in the document.
 */
export type SuggestOnly = { othersIds: ReadonlySet<string> };

export const ONLY_SUGGESTIONS = "You can only suggest changes to this document: that change edits it directly.";
export const OTHERS_SUGGESTIONS = "You can only suggest changes to this document: that change alters someone else's suggestion.";

const UNREADABLE = "That change could not be read.";
const INCOMPLETE = "That change builds on changes the server does not have.";

/**
 * Accepted updates are kept this long, far beyond a database write, so that a shadow rebuilt
 * after a refusal still holds the ones stored but not yet applied to the live document.
 */
const KEEP_ACCEPTED_MS = 60_000;

/**
 * A private copy of a live document that every accepted update reaches at once (the live one
 * gets it only after it is stored), so each update is judged after all those accepted before it.
 * A refused update has already changed the shadow, which is then rebuilt before the next check.
 */
type Shadow = {
  doc: Y.Doc;
  accepted: { update: Uint8Array; at: number }[];
  verdict: UnfitReason | null;
  stale: boolean;
};

const CHECKING = Symbol("checking");
const shadows = new WeakMap<Y.Doc, Shadow>();

function rebuild(live: Y.Doc, shadow: Shadow): void {
  shadow.doc.destroy();
  const doc = new Y.Doc();
  // Defined before anything is applied, so content sent to this root lands in the fragment to be judged.
  const fragment = doc.getXmlFragment(DOCUMENT_FRAGMENT);
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(live));
  const since = Date.now() - KEEP_ACCEPTED_MS;
  shadow.accepted = shadow.accepted.filter(({ at }) => at > since);
  for (const { update } of shadow.accepted) Y.applyUpdate(doc, update);
  doc.on("afterTransaction", (transaction: Y.Transaction) => {
    if (transaction.origin === CHECKING) shadow.verdict = judge(transaction, fragment);
  });
  shadow.doc = doc;
  shadow.stale = false;
}

function shadowOf(live: Y.Doc): Shadow {
  let shadow = shadows.get(live);
  if (!shadow) {
    const created: Shadow = { doc: new Y.Doc(), accepted: [], verdict: null, stale: true };
    // What reaches the live document some other way (a restored version) reaches the shadow too.
    live.on("update", (update: Uint8Array) => {
      if (created.stale) return;
      try {
        Y.applyUpdate(created.doc, update);
      } catch {
        created.stale = true;
      }
    });
    live.on("destroy", () => created.doc.destroy());
    shadows.set(live, created);
    shadow = created;
  }
  if (shadow.stale) rebuild(live, shadow);
  return shadow;
}

/**
 * Whether the content items one transaction added fit the schema where they landed. Only what
 * the update brought is looked at, never the rest of the document, so a keystroke costs a fraction
 * of a millisecond however long the document is. A new block must be valid as a whole, as the sender's
 * editor made it; what is merely next to it is not judged, since edits merged at the same moment
 * can break a content rule without anyone doing wrong (the editor shows that, and readers here mend it).
 */
function judge(transaction: Y.Transaction, fragment: Y.XmlFragment): UnfitReason | null {
  const isNew = (item: Y.Item) => item.id.clock >= (transaction.beforeState.get(item.id.client) ?? 0);
  /** Levels below the fragment (which is 0), counted no further than the deepest text can lie; null outside it. */
  const depthOf = (type: Pick<Y.AbstractType<never>, "_item">): number | null => {
    let depth = 0;
    for (let at = type; at !== fragment; depth++) {
      const parent = at._item?.parent;
      if (!(parent instanceof Y.AbstractType)) return null;
      if (depth > MAX_NESTING + 1) return depth;
      at = parent;
    }
    return depth;
  };
  try {
    for (const [client, after] of transaction.afterState) {
      const before = transaction.beforeState.get(client) ?? 0;
      if (after <= before) continue;
      const structs = transaction.doc.store.clients.get(client)!;
      for (let index = Y.findIndexSS(structs, before); index < structs.length; index++) {
        const struct = structs[index]!;
        if (!(struct instanceof Y.Item)) continue;
        const problem = judgeItem(struct, depthOf, isNew, fragment);
        if (problem) return problem;
      }
    }
  } catch (error) {
    return error instanceof Unfit ? error.reason : UNFIT.structure;
  }
  return null;
}

function judgeItem(
  item: Y.Item,
  depthOf: (type: Pick<Y.AbstractType<never>, "_item">) => number | null,
  isNew: (item: Y.Item) => boolean,
  fragment: Y.XmlFragment,
): UnfitReason | null {
  const { parent, content } = item;
  if (!(parent instanceof Y.AbstractType)) return UNFIT.outside;
  const depth = depthOf(parent);
  if (depth === null) return UNFIT.outside;
  // The text of the deepest block allowed lies one level deeper still.
  if (depth > MAX_NESTING + 1) return UNFIT.tooDeep;
  if (content instanceof Y.ContentDeleted) return null;
  if (parent instanceof Y.XmlText) {
    const host = parent._item?.parent;
    const hostType = host instanceof Y.XmlElement ? elementType(host) : null;
    if (!hostType || item.parentSub !== null) return UNFIT.notShowable;
    if (content instanceof Y.ContentString) return null;
    return content instanceof Y.ContentFormat ? formatProblem(content.key, content.value, hostType) : UNFIT.notShowable;
  }
  const parentType = parent === fragment ? documentSchema.topNodeType : parent instanceof Y.XmlElement ? elementType(parent) : null;
  if (!parentType) return UNFIT.notShowable;
  if (item.parentSub !== null) {
    const value = content instanceof Y.ContentAny && content.arr.length === 1 ? content.arr[0] : undefined;
    return parent !== fragment && isKnownAttribute(parentType, item.parentSub) && isPlainValue(value) ? null : UNFIT.badSettings;
  }
  if (!(content instanceof Y.ContentType)) return UNFIT.notShowable;
  // A new block inside an older one (or at the top) is where everything the update built starts.
  const startsNewContent = !item.deleted && !(parent._item && isNew(parent._item));
  const child = content.type;
  if (child instanceof Y.XmlElement) {
    if (depth + 1 > MAX_NESTING) return UNFIT.tooDeep;
    const type = elementType(child);
    if (!type) return UNFIT.unknownBlock;
    if (!mayHold(parentType, type)) return UNFIT.misplaced;
    if (startsNewContent) new ContentReader(true).element(child, parentType, depth + 1)!.check();
    return null;
  }
  if (child instanceof Y.XmlText) {
    if (!parentType.inlineContent) return UNFIT.misplaced;
    if (startsNewContent) for (const node of new ContentReader(true).text(child, parentType)) node.check();
    return null;
  }
  return UNFIT.notShowable;
}

type Decoded = ReturnType<typeof Y.decodeUpdate>;

/** Whether everything the update adds or deletes now stands in the document, none of it waiting for missing changes. */
function isComplete(doc: Y.Doc, decoded: Decoded): boolean {
  const reaches = new Map<number, number>();
  for (const struct of decoded.structs) {
    if (struct instanceof Y.Skip) continue;
    const { client, clock } = struct.id;
    reaches.set(client, Math.max(reaches.get(client) ?? 0, clock + struct.length));
  }
  for (const [client, ranges] of decoded.ds.clients) {
    for (const { clock, len } of ranges) reaches.set(client, Math.max(reaches.get(client) ?? 0, clock + len));
  }
  return [...reaches].every(([client, clock]) => Y.getState(doc.store, client) >= clock);
}

/**
 * Why an update from a suggest-only seat is more than suggestions: rejecting every suggestion must
 * give back the same text as before it (so nothing was edited directly), and every suggestion of
 * someone else must read exactly as before (so none was accepted, rejected or changed).
 */
function suggestOnlyProblem(was: PmNode, after: Y.Doc, seat: SuggestOnly): string | null {
  const now = readDocument(after).content;
  if (!withoutSuggestions(was).eq(withoutSuggestions(now))) return ONLY_SUGGESTIONS;
  const then = suggestionsIn(was);
  const later = suggestionsIn(now);
  for (const [id, text] of then) {
    if (!seat.othersIds.has(id)) continue;
    const still = later.get(id);
    if (!still || still.inserted !== text.inserted || still.deleted !== text.deleted || still.changesFormat !== text.changesFormat) {
      return OTHERS_SUGGESTIONS;
    }
  }
  return null;
}

/** Applies the update to the live document's shadow and judges what it added. */
function checkAgainst(live: Y.Doc, update: Uint8Array, decoded: Decoded, seat?: SuggestOnly): string | null {
  const shadow = shadowOf(live);
  shadow.verdict = null;
  const before = seat ? readDocument(shadow.doc).content : null;
  try {
    Y.applyUpdate(shadow.doc, update, CHECKING);
  } catch {
    shadow.stale = true;
    return UNREADABLE;
  }
  const reason =
    shadow.verdict ??
    (isComplete(shadow.doc, decoded) ? null : INCOMPLETE) ??
    (seat && before ? suggestOnlyProblem(before, shadow.doc, seat) : null);
  if (reason) {
    shadow.stale = true;
    return reason;
  }
  const now = Date.now();
  shadow.accepted.push({ update, at: now });
  while (shadow.accepted[0]!.at <= now - KEEP_ACCEPTED_MS) shadow.accepted.shift();
  return null;
}

/**
 * Accepts only bytes that decode as a Yjs update, no larger than `maxBytes`. Given the live
 * document it will be applied to, the update must also fit the editor's schema: only XML blocks
 * and formatted text inside the document's fragment, of types and formatting the editor knows,
 * placed where the schema allows, at most MAX_NESTING levels deep, building only on changes the
 * server has. A refused update changes nothing the live document or anyone else sees.
 */
export function checkUpdate(data: unknown, maxBytes = MAX_UPDATE_BYTES, current?: Y.Doc, seat?: SuggestOnly): CheckedUpdate {
  if (!(data instanceof Uint8Array)) return { ok: false, reason: "An update must be binary." };
  if (data.byteLength > maxBytes) return { ok: false, reason: "That change is too large to send at once." };
  let decoded: Decoded;
  try {
    decoded = Y.decodeUpdate(data);
  } catch {
    return { ok: false, reason: UNREADABLE };
  }
  if (decoded.structs.length === 0 && decoded.ds.clients.size === 0) return { ok: true, update: data, empty: true };
  const reason = current ? checkAgainst(current, data, decoded, seat) : readsAlone(data);
  return reason ? { ok: false, reason } : { ok: true, update: data, empty: false };
}

/** Without a document to judge it against, the update must at least apply to a scratch one. */
function readsAlone(update: Uint8Array): string | null {
  const scratch = new Y.Doc();
  try {
    Y.applyUpdate(scratch, update);
    return null;
  } catch {
    return UNREADABLE;
  } finally {
    scratch.destroy();
  }
}

const SUGGESTION_KEYS = new Set(["insertion", "deletion", "modification"]);

/** The suggestion ids an update's new formatting names (read without applying it); empty when it cannot be read. */
export function suggestionIdsInUpdate(update: Uint8Array): string[] {
  const ids = new Set<string>();
  try {
    for (const struct of Y.decodeUpdate(update).structs) {
      if (!(struct instanceof Y.Item) || !(struct.content instanceof Y.ContentFormat)) continue;
      const { key, value } = struct.content;
      const id = (value as { id?: unknown } | null)?.id;
      if (SUGGESTION_KEYS.has(key) && typeof id === "string") ids.add(id);
    }
  } catch {
    return [];
  }
  return [...ids];
}
