"use client";

import { useEditorState, type Editor } from "@tiptap/react";
import { Bold, Heading1, Heading2, Heading3, Italic, Link2, List, ListOrdered, Table, TextQuote, type LucideIcon } from "lucide-react";
import { useState, type ComponentProps } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Dialog } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/text-field";

const cell = (type: "tableHeader" | "tableCell", text = "") => ({
  type,
  content: [{ type: "paragraph", content: text ? [{ type: "text", text }] : [] }],
});
const row = (cells: ReturnType<typeof cell>[]) => ({ type: "tableRow", content: cells });

/** Three columns with named headers: a header row left empty means nothing to screen readers. */
const NEW_TABLE = {
  type: "table",
  content: [
    row([1, 2, 3].map((column) => cell("tableHeader", `Column ${column}`))),
    row([1, 2, 3].map(() => cell("tableCell"))),
    row([1, 2, 3].map(() => cell("tableCell"))),
  ],
};

type Tool = { label: string; icon: LucideIcon; active: boolean; run: () => void };

/** Only links people can follow safely; a bare address gets https:// in front. */
function normaliseHref(input: string): string | null {
  const value = input.trim();
  if (!value) return null;
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(value) ? value : `https://${value}`;
  try {
    const url = new URL(withScheme);
    return ["http:", "https:", "mailto:"].includes(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

function LinkDialog({ editor, active }: { editor: Editor; active: boolean }) {
  const [open, setOpen] = useState(false);
  const [href, setHref] = useState("");
  const [error, setError] = useState<string | null>(null);
  const apply = () => {
    const chain = editor.chain().focus().extendMarkRange("link");
    if (!href.trim()) {
      chain.unsetLink().run();
      return setOpen(false);
    }
    const safe = normaliseHref(href);
    if (!safe) return setError("Enter a web address (https://…) or an email link (mailto:…).");
    if (editor.state.selection.empty && !active) {
      chain.insertContent({ type: "text", text: href.trim(), marks: [{ type: "link", attrs: { href: safe } }] }).run();
    } else {
      chain.setLink({ href: safe }).run();
    }
    setOpen(false);
  };
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) {
          setHref(String(editor.getAttributes("link").href ?? ""));
          setError(null);
        }
      }}
      title={active ? "Change the link" : "Add a link"}
      trigger={<ToolButton label="Link" icon={Link2} active={active} />}
    >
      <form
        className="flex flex-col gap-4"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          apply();
        }}
      >
        <TextField
          label="Web address"
          hint="Leave it empty to remove the link."
          value={href}
          onChange={(event) => setHref(event.target.value)}
          error={error ?? undefined}
          autoComplete="url"
        />
        <Button type="submit">{href.trim() ? "Apply the link" : "Remove the link"}</Button>
      </form>
    </Dialog>
  );
}

/** `active` makes it a toggle (aria-pressed); without it the button just acts. */
function ToolButton({ label, icon: Icon, active, ...props }: { label: string; icon: LucideIcon; active?: boolean } & ComponentProps<"button">) {
  return (
    <button
      type="button"
      aria-label={label}
      title={label}
      aria-pressed={active}
      className={cn(
        "inline-flex size-11 items-center justify-center rounded-lg text-ink hover:bg-ember-50 disabled:cursor-not-allowed disabled:text-muted",
        active && "bg-ember-100 text-ember-800",
      )}
      {...props}
    >
      <Icon aria-hidden="true" className="size-5" />
    </button>
  );
}

/** Headings, bold, italic, lists, link, quote and table, each showing whether it applies where the cursor is. */
export function EditorToolbar({ editor }: { editor: Editor }) {
  const state = useEditorState({
    editor,
    selector: ({ editor: current }) => ({
      h1: current.isActive("heading", { level: 1 }),
      h2: current.isActive("heading", { level: 2 }),
      h3: current.isActive("heading", { level: 3 }),
      bold: current.isActive("bold"),
      italic: current.isActive("italic"),
      bullets: current.isActive("bulletList"),
      numbers: current.isActive("orderedList"),
      quote: current.isActive("blockquote"),
      link: current.isActive("link"),
      table: current.isActive("table"),
    }),
  });
  const chain = () => editor.chain().focus();
  const tools: Tool[] = [
    { label: "Heading", icon: Heading1, active: state.h1, run: () => chain().toggleHeading({ level: 1 }).run() },
    { label: "Subheading", icon: Heading2, active: state.h2, run: () => chain().toggleHeading({ level: 2 }).run() },
    { label: "Small heading", icon: Heading3, active: state.h3, run: () => chain().toggleHeading({ level: 3 }).run() },
    { label: "Bold", icon: Bold, active: state.bold, run: () => chain().toggleBold().run() },
    { label: "Italic", icon: Italic, active: state.italic, run: () => chain().toggleItalic().run() },
    { label: "Bulleted list", icon: List, active: state.bullets, run: () => chain().toggleBulletList().run() },
    { label: "Numbered list", icon: ListOrdered, active: state.numbers, run: () => chain().toggleOrderedList().run() },
    { label: "Quote", icon: TextQuote, active: state.quote, run: () => chain().toggleBlockquote().run() },
  ];

  return (
    <div role="toolbar" aria-label="Formatting" className="flex flex-wrap items-center gap-1 rounded-t-xl border border-b-0 border-line bg-paper p-1">
      {tools.map(({ label, icon, active, run }) => (
        <ToolButton key={label} label={label} icon={icon} active={active} onClick={run} />
      ))}
      <LinkDialog editor={editor} active={state.link} />
      <ToolButton
        label="Insert a table"
        icon={Table}
        disabled={state.table}
        onClick={() => chain().insertContent(NEW_TABLE).run()}
      />
    </div>
  );
}
