import { Mark, mergeAttributes } from "@tiptap/core";

export const DOC_COMMENT_MARK = "docComment";

/**
 * Anchors an inline comment to a run of text. The mark lives inside the Yjs document, so it
 * travels with the words as people edit around them; the thread itself is a DocComment row
 * whose id is `commentId`.
 *
 * - `inclusive: false`: typing at either edge does not grow the commented range.
 * - `excludes: ""`: comments may overlap. y-tiptap stores non-exclusive marks under a key hashed
 *   from their attributes, so two comments on the same words stay distinct.
 * - Rendered as `<span class="doc-comment" data-comment-id="…">`; which comments are highlighted
 *   (open, active, resolved) is decided by the comments panel with attribute selectors, because
 *   resolving is not an edit to the shared text.
 */
export const DocCommentMark = Mark.create({
  name: DOC_COMMENT_MARK,
  inclusive: false,
  excludes: "",
  spanning: true,

  addAttributes() {
    return {
      commentId: {
        default: null,
        parseHTML: (element: HTMLElement) => element.getAttribute("data-comment-id"),
        renderHTML: (attributes: { commentId?: string | null }) =>
          attributes.commentId ? { "data-comment-id": attributes.commentId } : {},
      },
    };
  },

  parseHTML() {
    return [{ tag: "span[data-comment-id]" }];
  },

  renderHTML({ HTMLAttributes }) {
    return ["span", mergeAttributes({ class: "doc-comment" }, HTMLAttributes), 0];
  },
});
