"use client";

import Collaboration from "@tiptap/extension-collaboration";
import CollaborationCaret from "@tiptap/extension-collaboration-caret";
import { EditorContent, useEditor, type Editor } from "@tiptap/react";
import { useEffect } from "react";
import { SuggestChanges, setSuggesting } from "@/components/documents/suggestions/suggest-changes";
import type { Collaboration as Shared } from "@/components/documents/use-collaboration";
import { DOCUMENT_FRAGMENT, documentExtensions } from "@/lib/documents/extensions";

type User = { name: string; color: string };

/** Another editor's caret: a coloured bar with their name above it, styled inline so it needs no stylesheet. */
function renderCaret(user: User): HTMLElement {
  const caret = document.createElement("span");
  caret.className = "collaboration-carets__caret";
  // The presence list names everyone; screen readers should not read names inside the text.
  caret.setAttribute("aria-hidden", "true");
  caret.setAttribute("style", `position:relative;margin:0 -1px;border-left:2px solid ${user.color};word-break:normal;pointer-events:none`);
  const label = document.createElement("span");
  label.setAttribute(
    "style",
    `position:absolute;top:-1.5em;left:-2px;padding:0 4px;border-radius:4px 4px 4px 0;background:${user.color};color:#fff;font-size:12px;font-weight:600;line-height:1.5;white-space:nowrap;user-select:none`,
  );
  label.textContent = user.name;
  caret.append(label);
  return caret;
}

/** Their selection: a light wash of their colour, so the text underneath stays readable. */
function renderSelection(user: User) {
  return { style: `background-color:${user.color}26`, class: "collaboration-selection" };
}

/**
 * The rich-text editor bound to the shared Y.Doc (Tiptap Collaboration on the "default"
 * fragment) with everyone's carets. Read-only seats get a non-editable editor that still follows
 * every change live. While `suggesting`, typing, deleting and formatting become suggestions.
 */
export function CollaborativeEditor({
  shared,
  user,
  editable,
  suggesting,
  onUnsuggestable,
  labelledBy,
  onEditor,
}: {
  shared: Shared;
  user: User;
  editable: boolean;
  suggesting: boolean;
  /** Called when a change cannot be made as a suggestion (and so is not made). */
  onUnsuggestable: () => void;
  labelledBy: string;
  onEditor: (editor: Editor | null) => void;
}) {
  const editor = useEditor(
    {
      immediatelyRender: false,
      editable,
      extensions: [
        ...documentExtensions,
        Collaboration.configure({ document: shared.doc, field: DOCUMENT_FRAGMENT }),
        CollaborationCaret.configure({ provider: { awareness: shared.awareness }, user, render: renderCaret, selectionRender: renderSelection }),
        SuggestChanges,
      ],
      editorProps: {
        attributes: {
          "aria-labelledby": labelledBy,
          "aria-multiline": "true",
          role: "textbox",
          ...(editable ? {} : { "aria-readonly": "true" }),
          class:
            "markdown min-h-[24rem] rounded-b-xl border border-line bg-card px-5 py-4 text-lg leading-relaxed focus:outline-none focus-visible:outline-3 focus-visible:outline-ember-600 [&_table]:w-full [&_table]:border-collapse [&_td]:border [&_td]:border-line [&_td]:p-2 [&_th]:border [&_th]:border-line [&_th]:bg-ember-50 [&_th]:p-2 [&_th]:text-left [&_p]:min-h-[1lh] [&_ins]:underline [&_ins]:decoration-2 [&_ins]:underline-offset-4 [&_del]:line-through [&_del]:decoration-2",
        },
      },
    },
    [shared],
  );

  useEffect(() => {
    editor?.setEditable(editable);
  }, [editor, editable]);

  useEffect(() => {
    if (editor) setSuggesting(editor, suggesting, onUnsuggestable);
  }, [editor, suggesting, onUnsuggestable]);

  useEffect(() => {
    onEditor(editor);
    return () => onEditor(null);
  }, [editor, onEditor]);

  return <EditorContent editor={editor} />;
}
