import { revertSuggestion, transformToSuggestionTransaction } from "@handlewithcare/prosemirror-suggest-changes";
import type { Node } from "@tiptap/pm/model";
import { EditorState } from "@tiptap/pm/state";
import { Mapping } from "@tiptap/pm/transform";
import { updateYFragment } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { DOCUMENT_FRAGMENT } from "@/lib/documents/extensions";
import { SUGGESTION_MARKS } from "@/lib/documents/suggestion-marks";
import type { PassageRange } from "@/server/amendments/schemas";
import { documentSchema } from "@/server/documents/content-schema";
import { readDocument } from "@/server/documents/repair";
import { withDoc } from "@/server/documents/with-doc";
import { AppError } from "@/server/errors";
import { suggestionsIn } from "@/server/suggestions/text";

const MARK_NAMES = new Set<string>(SUGGESTION_MARKS);

const hasSuggestionMark = (node: Node) => node.marks.some((mark) => MARK_NAMES.has(mark.type.name));

/** Whether `from`–`to` lies inside one paragraph or heading and reads `quote` there. */
function readsAt(doc: Node, from: number, to: number, quote: string): boolean {
  if (from >= to || to > doc.content.size) return false;
  const start = doc.resolve(from);
  const end = doc.resolve(to);
  return start.parent.isTextblock && start.sameParent(end) && doc.textBetween(from, to) === quote;
}

/** Every place where a paragraph made only of text reads `quote`. */
function placesReading(doc: Node, quote: string): { from: number; to: number }[] {
  const places: { from: number; to: number }[] = [];
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    let onlyText = true;
    node.forEach((child) => {
      if (!child.isText) onlyText = false;
    });
    if (!onlyText) return false;
    const text = node.textContent;
    for (let at = text.indexOf(quote); at >= 0; at = text.indexOf(quote, at + 1)) {
      places.push({ from: pos + 1 + at, to: pos + 1 + at + quote.length });
    }
    return false;
  });
  return places;
}

const shortQuote = (quote: string) => (quote.length > 80 ? `${quote.slice(0, 79)}…` : quote);

/**
 * Where the passage is now: at the proposer's positions if the text there still reads the quote,
 * otherwise the one place in a paragraph that does (edits before it moved it). Refused with a
 * sentence when it spans paragraphs, no longer reads so, or reads so in several places.
 */
export function locatePassage(doc: Node, range: PassageRange): { from: number; to: number } {
  if (range.from < range.to && range.to <= doc.content.size && doc.textBetween(range.from, range.to) === range.quote) {
    if (!readsAt(doc, range.from, range.to, range.quote)) {
      throw new AppError("BAD_REQUEST", "Choose a passage within one paragraph: an amendment rewrites text, not the document's layout.");
    }
    return { from: range.from, to: range.to };
  }
  const places = placesReading(doc, range.quote);
  if (places.length === 1) return places[0]!;
  if (places.length > 1) {
    throw new AppError("BAD_REQUEST", `The text changed while you chose, and “${shortQuote(range.quote)}” now appears more than once. Select the passage again.`);
  }
  throw new AppError("BAD_REQUEST", `The document no longer reads “${shortQuote(range.quote)}” there: someone has changed it. Select the passage again.`);
}

/** Where each suggestion stands in the text: from its first marked position to its last. */
export function suggestionSpans(doc: Node): Map<string, { from: number; to: number }> {
  const spans = new Map<string, { from: number; to: number }>();
  doc.descendants((node, pos) => {
    for (const mark of node.marks) {
      if (!MARK_NAMES.has(mark.type.name) || typeof mark.attrs.id !== "string") continue;
      const span = spans.get(mark.attrs.id);
      const end = pos + node.nodeSize;
      if (span) span.to = Math.max(span.to, end);
      else spans.set(mark.attrs.id, { from: pos, to: end });
    }
    return true;
  });
  return spans;
}

/** A passage in an open amendment's suggestion is that amendment's: a different rewrite of it is an alternative beside it. */
function refuseAmendmentPassage(ids: ReadonlySet<string>, amendmentOf: ReadonlyMap<string, number>): void {
  const number = [...ids].map((id) => amendmentOf.get(id)).find((found) => found !== undefined);
  if (number !== undefined) {
    throw new AppError(
      "BAD_REQUEST",
      `That passage is part of Amendment ${number}, which is being voted on: use “Propose an alternative” on its card to put a different rewrite beside it.`,
    );
  }
}

/**
 * The Yjs update that writes a rewrite of the passage into the stored document as one suggestion
 * with the given id (the passage struck through, the new text inserted), made as an editor in
 * suggesting mode would make it, and what the passage read. Other suggestions stay as they are:
 * a passage holding or touching one is refused, since its fate is someone else's proposal.
 */
export function rewriteUpdate(
  state: Uint8Array,
  range: PassageRange,
  text: string,
  id: string,
  amendmentOf: ReadonlyMap<string, number> = new Map(),
): { update: Uint8Array; passage: string } {
  return withDoc(state, (doc) => {
    const content = readDocument(doc).content;
    const { from, to } = locatePassage(content, range);
    const marked = new Set<string>();
    content.nodesBetween(from, to, (node) => {
      for (const mark of node.marks) if (MARK_NAMES.has(mark.type.name) && typeof mark.attrs.id === "string") marked.add(mark.attrs.id);
      return true;
    });
    refuseAmendmentPassage(marked, amendmentOf);
    if (marked.size > 0) {
      throw new AppError(
        "BAD_REQUEST",
        "That passage already holds suggested changes: propose those suggestions as an amendment, or select text without them.",
      );
    }
    const before = suggestionsIn(content);
    const editor = EditorState.create({ schema: documentSchema, doc: content });
    const change = text ? editor.tr.insertText(text, from, to) : editor.tr.delete(from, to);
    const suggested = transformToSuggestionTransaction(change, editor, () => id).doc;
    const after = suggestionsIn(suggested);
    const touched = [...before].filter(([other, was]) => {
      const now = after.get(other);
      return !now || now.inserted !== was.inserted || now.deleted !== was.deleted;
    });
    refuseAmendmentPassage(new Set(touched.map(([other]) => other)), amendmentOf);
    const unchanged = touched.length === 0;
    if (!after.has(id) || !unchanged || after.size !== before.size + 1) {
      throw new AppError("BAD_REQUEST", "That passage runs into another suggestion: select text a little apart from suggested changes.");
    }
    const vector = Y.encodeStateVector(doc);
    updateYFragment(doc, doc.getXmlFragment(DOCUMENT_FRAGMENT), suggested, { mapping: new Map(), isOMark: new Map() });
    return { update: Y.encodeStateAsUpdate(doc, vector), passage: content.textBetween(from, to) };
  });
}

export type AlternativeWrite = { kind: "update"; update: Uint8Array } | { kind: "absent" } | { kind: "changed"; reads: string };

/**
 * The Yjs update that writes an alternative which won its ranked vote: the original's suggestions
 * rejected, and the alternative's text written over the passage where they stood, as one server
 * edit. "absent" when none of those suggestions is in the text any more; "changed" when the text
 * there, once they are rejected, no longer reads the passage (nothing is written then).
 */
export function alternativeUpdate(state: Uint8Array, originalIds: readonly string[], passage: string, replacement: string): AlternativeWrite {
  return withDoc(state, (doc) => {
    const content = readDocument(doc).content;
    const spans = suggestionSpans(content);
    const present = originalIds.filter((id) => spans.has(id));
    if (present.length === 0) return { kind: "absent" };
    const from = Math.min(...present.map((id) => spans.get(id)!.from));
    const to = Math.max(...present.map((id) => spans.get(id)!.to));
    let editor = EditorState.create({ schema: documentSchema, doc: content });
    const mapping = new Mapping();
    for (const id of present) {
      revertSuggestion(id)(editor, (tr) => {
        mapping.appendMapping(tr.mapping);
        editor = editor.apply(tr);
      });
    }
    const start = mapping.map(from, 1);
    const end = Math.max(start, mapping.map(to, -1));
    const rejected = editor.doc;
    const reads = rejected.textBetween(start, end);
    let marked = false;
    rejected.nodesBetween(start, end, (node) => {
      if (hasSuggestionMark(node)) marked = true;
      return !marked;
    });
    const inOneParagraph = start === end ? rejected.resolve(start).parent.isTextblock : readsAt(rejected, start, end, reads);
    if (reads !== passage || marked || !inOneParagraph) return { kind: "changed", reads };
    const tr = replacement ? editor.tr.insertText(replacement, start, end) : editor.tr.delete(start, end);
    const vector = Y.encodeStateVector(doc);
    updateYFragment(doc, doc.getXmlFragment(DOCUMENT_FRAGMENT), tr.doc, { mapping: new Map(), isOMark: new Map() });
    return { kind: "update", update: Y.encodeStateAsUpdate(doc, vector) };
  });
}
