import type { Node } from "@tiptap/pm/model";
import { DOC_COMMENT_MARK } from "@/lib/documents/comment-mark";

/** Where a comment's marked text is now: from its first marked character to its last, and that text. */
export type CommentAnchor = { from: number; to: number; text: string };

/**
 * Finds every comment's anchor in one pass over the document. Edits can split a comment's
 * text into pieces (another mark inside it, a paragraph break); the anchor then spans them all.
 * A comment whose text was deleted entirely has no anchor.
 */
export function commentAnchors(doc: Node): Map<string, CommentAnchor> {
  const anchors = new Map<string, CommentAnchor>();
  doc.descendants((node, pos) => {
    if (!node.isText) return true;
    for (const mark of node.marks) {
      const id: unknown = mark.attrs.commentId;
      if (mark.type.name !== DOC_COMMENT_MARK || typeof id !== "string") continue;
      const anchor = anchors.get(id);
      const text = node.text ?? "";
      if (anchor) {
        anchor.to = pos + node.nodeSize;
        anchor.text += text;
      } else {
        anchors.set(id, { from: pos, to: pos + node.nodeSize, text });
      }
    }
    return false;
  });
  return anchors;
}
