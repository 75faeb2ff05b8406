"use client";

import type { Editor } from "@tiptap/react";
import { useEffect, useState } from "react";
import { commentAnchors, type CommentAnchor } from "@/lib/documents/comment-anchors";
import { DOC_COMMENT_MARK } from "@/lib/documents/comment-mark";

export type EditorComments = {
  /** Where each comment's text is now; a comment missing here has lost its text. */
  anchors: Map<string, CommentAnchor>;
  /** Whether some text is selected, so a comment could be made on it. */
  hasSelection: boolean;
  /** The comments on the text where the cursor is, innermost last. */
  atCursor: string[];
  /**
   * Whether the document has any text yet. Until the shared content has arrived every comment
   * would look as if its text were gone, so nobody is told that.
   */
  hasText: boolean;
};

const EMPTY: EditorComments = { anchors: new Map(), hasSelection: false, atCursor: [], hasText: false };

function signature(anchors: Map<string, CommentAnchor>): string {
  return [...anchors].map(([id, { from, to }]) => `${id}:${from}-${to}`).join(",");
}

/**
 * Follows the editor: comment anchors after every change to the document (local or from
 * others), and the selection as it moves. Re-renders only when one of them actually changed.
 */
export function useEditorComments(editor: Editor | null): EditorComments {
  const [state, setState] = useState<EditorComments>(EMPTY);

  useEffect(() => {
    if (!editor) return;
    const read = () => {
      const anchors = commentAnchors(editor.state.doc);
      const { selection, doc } = editor.state;
      const hasText = doc.textContent.length > 0;
      const atCursor = selection.$from
        .marks()
        .filter((mark) => mark.type.name === DOC_COMMENT_MARK && typeof mark.attrs.commentId === "string")
        .map((mark) => mark.attrs.commentId as string);
      setState((previous) => {
        const sameAnchors = signature(previous.anchors) === signature(anchors);
        const sameCursor = previous.atCursor.join(",") === atCursor.join(",");
        const same = sameAnchors && sameCursor && previous.hasSelection === !selection.empty && previous.hasText === hasText;
        if (same) return previous;
        return {
          anchors: sameAnchors ? previous.anchors : anchors,
          hasSelection: !selection.empty,
          atCursor: sameCursor ? previous.atCursor : atCursor,
          hasText,
        };
      });
    };
    read();
    editor.on("update", read);
    editor.on("selectionUpdate", read);
    return () => {
      editor.off("update", read);
      editor.off("selectionUpdate", read);
    };
  }, [editor]);

  return editor ? state : EMPTY;
}
