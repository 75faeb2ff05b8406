import type { AnyExtension } from "@tiptap/core";
import { Table, TableCell, TableHeader, TableRow } from "@tiptap/extension-table";
import StarterKit from "@tiptap/starter-kit";
import { DocCommentMark } from "@/lib/documents/comment-mark";
import { SuggestionDeletion, SuggestionInsertion, SuggestionModification } from "@/lib/documents/suggestion-marks";

/** Where Tiptap's Collaboration extension keeps the document inside the Y.Doc. */
export const DOCUMENT_FRAGMENT = "default";

/**
 * The document schema as Tiptap extensions, free of React and of collaboration, so the server
 * builds the same ProseMirror schema from them (`documentSchema`) to check every update against,
 * and to render, diff and export a document's Yjs state. The editor adds Collaboration and
 * CollaborationCaret on top.
 * Undo/redo is left out because Yjs keeps its own history per person in a shared document.
 */
export const documentExtensions: AnyExtension[] = [
  StarterKit.configure({
    heading: { levels: [1, 2, 3] },
    undoRedo: false,
    link: { openOnClick: false, autolink: true, protocols: ["http", "https", "mailto"] },
  }),
  Table.configure({ resizable: false }),
  TableRow,
  TableHeader,
  TableCell,
  DocCommentMark,
  SuggestionInsertion,
  SuggestionDeletion,
  SuggestionModification,
];
