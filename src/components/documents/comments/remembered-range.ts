import type { Editor } from "@tiptap/core";
import type { Doc, RelativePosition, XmlFragment } from "yjs";
import { absolutePositionToRelativePosition, relativePositionToAbsolutePosition, ySyncPluginKey } from "@tiptap/y-tiptap";
import { DOC_COMMENT_MARK } from "@/lib/documents/comment-mark";
import { MAX_QUOTE_LENGTH } from "@/server/doc-comments/schemas";

/**
 * The text someone chose to comment on, remembered while they write the comment. In a shared
 * document others keep typing meanwhile, so the range is kept as Yjs relative positions, which
 * follow the text; without collaboration it is kept as plain positions.
 */
export type RememberedRange = { quote: string; from: number; to: number; relative: [RelativePosition, RelativePosition] | null };

type SyncState = { doc: Doc; type: XmlFragment; binding: { mapping: Map<unknown, unknown> } | null };

function syncState(editor: Editor): SyncState | null {
  const state = ySyncPluginKey.getState(editor.state) as Partial<SyncState> | undefined;
  return state?.doc && state.type && state.binding ? (state as SyncState) : null;
}

/** The selection as a quote (cut to the longest the server keeps) and a range that follows the text. */
export function rememberSelection(editor: Editor): RememberedRange | null {
  const { from, to, empty } = editor.state.selection;
  if (empty) return null;
  const text = editor.state.doc.textBetween(from, to, " ", " ").replace(/\s+/g, " ").trim();
  if (!text) return null;
  const quote = text.length > MAX_QUOTE_LENGTH ? `${text.slice(0, MAX_QUOTE_LENGTH - 1)}…` : text;
  const sync = syncState(editor);
  const relative: RememberedRange["relative"] = sync
    ? [
        absolutePositionToRelativePosition(from, sync.type, sync.binding!.mapping as never) as RelativePosition,
        absolutePositionToRelativePosition(to, sync.type, sync.binding!.mapping as never) as RelativePosition,
      ]
    : null;
  return { quote, from, to, relative };
}

/** Where the remembered text is now, or null when all of it has been deleted meanwhile. */
function currentRange(editor: Editor, range: RememberedRange): { from: number; to: number } | null {
  const sync = syncState(editor);
  if (!range.relative || !sync) return { from: range.from, to: range.to };
  const [from, to] = range.relative.map((position) =>
    relativePositionToAbsolutePosition(sync.doc, sync.type, position, sync.binding!.mapping as never),
  );
  if (from == null || to == null || to <= from) return null;
  return { from, to };
}

/**
 * Puts the comment's mark on the remembered text. A plain `addMark` (not Tiptap's `setMark`,
 * which would rewrite the id of a comment already on part of that text) so comments can overlap.
 * Returns false when the text is gone; the comment then shows as detached with its quote.
 */
export function anchorComment(editor: Editor, range: RememberedRange, commentId: string): boolean {
  const now = currentRange(editor, range);
  const type = editor.schema.marks[DOC_COMMENT_MARK];
  if (!now || !type || editor.isDestroyed) return false;
  const to = Math.min(now.to, editor.state.doc.content.size);
  if (editor.state.doc.textBetween(now.from, to, "").length === 0) return false;
  return editor
    .chain()
    .command(({ tr }) => {
      tr.addMark(now.from, to, type.create({ commentId }));
      return true;
    })
    .run();
}
