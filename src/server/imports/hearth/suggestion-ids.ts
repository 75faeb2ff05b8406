import { createHash } from "node:crypto";
import type { Mark } from "@tiptap/pm/model";
import { EditorState } from "@tiptap/pm/state";
import { initProseMirrorDoc, updateYFragment } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { DOCUMENT_FRAGMENT } from "@/lib/documents/extensions";
import { SUGGESTION_MARKS } from "@/lib/documents/suggestion-marks";
import { documentSchema } from "@/server/documents/content-schema";
import { withDoc } from "@/server/documents/with-doc";
import { suggestionsInState } from "@/server/suggestions/yjs";
import type { ImportContext } from "@/server/imports/hearth/context";

/**
 * A suggestion's id is also the id of its marks in the document's text, so an imported suggestion
 * keeps the id it had. Only when this Hearth already has a suggestion with that id (the file is
 * imported as a copy into the instance it came from) does it take another: this one, made from the
 * file's origin and the id, so the document's text, each of its versions and the suggestion's own
 * record all arrive at the same id without having to remember it between them.
 */
export function renamedSuggestionId(origin: string, id: string): string {
  return `s${createHash("sha256").update(`${origin}\u0000${id}`).digest("hex").slice(0, 32)}`;
}

/** Which of `ids` are taken in this Hearth already, and must be renamed on the way in. */
export async function takenSuggestionIds(ctx: ImportContext, ids: Iterable<string>): Promise<Set<string>> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return new Set();
  const rows = await ctx.db.suggestion.findMany({ where: { id: { in: wanted } }, select: { id: true } });
  return new Set(rows.map(({ id }) => id));
}

const MARK_NAMES = new Set<string>(SUGGESTION_MARKS);

/** The same state with the suggestion marks named in `renamed` carrying their new ids (one more Yjs change, by no one). */
export function withRenamedSuggestions(state: Uint8Array, renamed: ReadonlyMap<string, string>): Uint8Array<ArrayBuffer> {
  return withDoc(state, (doc) => {
    const fragment = doc.getXmlFragment(DOCUMENT_FRAGMENT);
    const { doc: content, meta } = initProseMirrorDoc(fragment, documentSchema);
    const tr = EditorState.create({ doc: content }).tr;
    const renamedMark = (mark: Mark): Mark | null => {
      const to = MARK_NAMES.has(mark.type.name) && typeof mark.attrs.id === "string" ? renamed.get(mark.attrs.id) : undefined;
      return to ? mark.type.create({ ...mark.attrs, id: to }) : null;
    };
    // Suggestions mark text only: the stored document holds marks on nothing else (see content-schema.ts).
    content.descendants((node, pos) => {
      if (!node.isText) return true;
      for (const mark of node.marks) {
        const next = renamedMark(mark);
        if (!next) continue;
        tr.removeMark(pos, pos + node.nodeSize, mark);
        tr.addMark(pos, pos + node.nodeSize, next);
      }
      return true;
    });
    updateYFragment(doc, fragment, tr.doc, meta);
    return new Uint8Array(Y.encodeStateAsUpdate(doc));
  });
}

/**
 * The state of a document or version as it comes into this Hearth: as it is, unless one of the
 * suggestions in it has an id this Hearth already uses, whose marks are then renamed.
 */
export async function withImportedSuggestionIds(ctx: ImportContext, state: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  if (ctx.dryRun) return state;
  const ids = [...suggestionsInState(state).keys()];
  const taken = await takenSuggestionIds(ctx, ids);
  if (taken.size === 0) return state;
  return withRenamedSuggestions(state, new Map([...taken].map((id) => [id, renamedSuggestionId(ctx.origin, id)])));
}
