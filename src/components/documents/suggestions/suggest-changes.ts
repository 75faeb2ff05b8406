import { suggestChangesKey, transformToSuggestionTransaction } from "@handlewithcare/prosemirror-suggest-changes";
import { Extension, type Editor } from "@tiptap/core";
import { AddMarkStep, RemoveMarkStep, type Step } from "@tiptap/pm/transform";
import { DOC_COMMENT_MARK } from "@/lib/documents/comment-mark";
import { newSuggestionId } from "@/lib/documents/suggestion-marks";

/** Anchoring a comment is not a change to the text, so it never becomes a suggestion. */
const anchorsComment = (step: Step) =>
  (step instanceof AddMarkStep || step instanceof RemoveMarkStep) && step.mark.type.name === DOC_COMMENT_MARK;

/**
 * Suggesting mode for the Tiptap editor: while `editor.storage.suggestChanges.on`, every local transaction that
 * changes the document is turned into suggestions (insertions and deletions marked with a fresh
 * id) by @handlewithcare/prosemirror-suggest-changes before it is applied, and so before
 * y-tiptap writes it to the shared Y.Doc. Changes from others (y-sync) pass through untouched.
 * A change that cannot be suggested (turning a paragraph into a heading or list) is not made at
 * all, and `onUnsuggestable` says so.
 */
export type SuggestChangesStorage = { on: boolean; onUnsuggestable: () => void };

declare module "@tiptap/core" {
  interface Storage {
    suggestChanges: SuggestChangesStorage;
  }
}

export const SuggestChanges = Extension.create<object, SuggestChangesStorage>({
  name: "suggestChanges",

  addStorage() {
    return { on: false, onUnsuggestable: () => undefined };
  },

  dispatchTransaction({ transaction, next }) {
    const ySync = (transaction.getMeta("y-sync$") ?? {}) as { isChangeOrigin?: boolean; isUndoRedoOperation?: boolean };
    const suggest =
      this.storage.on &&
      transaction.docChanged &&
      !transaction.steps.every(anchorsComment) &&
      !ySync.isChangeOrigin &&
      !ySync.isUndoRedoOperation &&
      !("skip" in ((transaction.getMeta(suggestChangesKey) as object | undefined) ?? {}));
    if (!suggest) return next(transaction);
    let suggested;
    try {
      suggested = transformToSuggestionTransaction(transaction, this.editor.state, () => newSuggestionId());
    } catch {
      // Block changes (a paragraph made a heading, a list) cannot be marked in this schema: the change is not made.
      return this.storage.onUnsuggestable();
    }
    next(suggested);
  },
});

/** Turns suggesting on or off for an editor that has SuggestChanges, and says whom to tell about unsuggestable changes. */
export function setSuggesting(editor: Editor, on: boolean, onUnsuggestable: () => void): void {
  const storage = editor.storage.suggestChanges;
  storage.on = on;
  storage.onUnsuggestable = onUnsuggestable;
}
