"use client";

import { Bold, Italic, Link2, List } from "lucide-react";
import { useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from "react";
import { MarkdownText } from "@/components/markdown";
import { applyFormat, shortcutFormat, type Format, type TextEdit } from "@/components/threads/editor-text";
import { MentionListbox } from "@/components/threads/mention-listbox";
import { useMentionAutocomplete } from "@/components/threads/use-mention-autocomplete";
import { cn } from "@/components/ui/cn";
import { MAX_BODY_LENGTH } from "@/server/threads/schemas";
import { useTouchScreen } from "@/components/ui/use-touch-screen";

const TOOLS: { format: Format; label: string; keys?: string; Icon: typeof Bold }[] = [
  { format: "bold", label: "Bold", keys: "B", Icon: Bold },
  { format: "italic", label: "Italic", keys: "I", Icon: Italic },
  { format: "link", label: "Link", keys: "K", Icon: Link2 },
  { format: "list", label: "Bulleted list", Icon: List },
];

/** The counter appears once the text is this close to the limit. */
const COUNTER_MARGIN = 5_000;

type MarkdownEditorProps = {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** Enables @mention suggestions from the people who can see this thread. */
  threadId?: string;
  /** Before the thread exists: suggestions from the people who will see a new thread of this group. */
  groupId?: string;
  /** Ctrl/Cmd+Enter. */
  onSubmitShortcut?: () => void;
  onTyping?: () => void;
  error?: string | null;
  /** Extra ids for aria-describedby, e.g. a notice about sending. */
  describedBy?: string;
  rows?: number;
  autoFocus?: boolean;
  /** The most the server takes; the counter counts down to it. */
  maxLength?: number;
};

/**
 * A markdown textarea with a formatting toolbar (and Ctrl/Cmd+B, I, K), a Write/Preview
 * switch that renders exactly what will be posted, @mention suggestions and a character
 * counter near the limit. It is controlled: the caller owns the text.
 */
export function MarkdownEditor({
  label,
  value,
  onChange,
  threadId,
  groupId,
  onSubmitShortcut,
  onTyping,
  error,
  describedBy,
  rows = 4,
  autoFocus,
  maxLength = MAX_BODY_LENGTH,
}: MarkdownEditorProps) {
  const id = useId();
  const textarea = useRef<HTMLTextAreaElement>(null);
  const pendingSelection = useRef<[number, number] | null>(null);
  const [preview, setPreview] = useState(false);
  // Keyboard shortcuts mean nothing on a phone: its buttons are named without them.
  const touchScreen = useTouchScreen();
  const [caret, setCaret] = useState(0);

  useLayoutEffect(() => {
    const selection = pendingSelection.current;
    if (!selection || !textarea.current) return;
    pendingSelection.current = null;
    textarea.current.setSelectionRange(selection[0], selection[1]);
  }, [value]);

  function applyEdit(edit: TextEdit) {
    pendingSelection.current = [edit.selectionStart, edit.selectionEnd];
    setCaret(edit.selectionEnd);
    onChange(edit.text);
    onTyping?.();
    textarea.current?.focus();
  }

  const mentions = useMentionAutocomplete({ threadId, groupId, value, caret, onEdit: applyEdit });

  function format(kind: Format) {
    const element = textarea.current;
    if (!element) return;
    applyEdit(applyFormat(value, element.selectionStart, element.selectionEnd, kind));
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (mentions.onKeyDown(event)) return;
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey) && onSubmitShortcut) {
      event.preventDefault();
      onSubmitShortcut();
      return;
    }
    const shortcut = shortcutFormat(event);
    if (shortcut) {
      event.preventDefault();
      format(shortcut);
    }
  }

  const left = maxLength - value.length;
  const counterId = `${id}-counter`;
  const errorId = `${id}-error`;
  const described = [left <= COUNTER_MARGIN && counterId, error && errorId, describedBy].filter(Boolean).join(" ");

  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <label htmlFor={id} className="font-semibold">
          {label}
        </label>
        <div role="group" aria-label={`${label}: write or preview`} className="flex rounded-lg border border-line bg-card p-0.5 text-sm">
          {(["Write", "Preview"] as const).map((mode) => (
            <button
              key={mode}
              type="button"
              aria-pressed={(mode === "Preview") === preview}
              onClick={() => setPreview(mode === "Preview")}
              className={cn("min-h-9 rounded-md px-3 font-semibold", (mode === "Preview") === preview ? "bg-ember-700 text-white" : "text-ink hover:bg-ember-50")}
            >
              {mode}
            </button>
          ))}
        </div>
      </div>

      {!preview && (
        <div role="toolbar" aria-label={`${label}: formatting`} aria-controls={id} className="flex flex-wrap gap-1">
          {TOOLS.map(({ format: kind, label: toolLabel, keys, Icon }) => (
            <button
              key={kind}
              type="button"
              aria-label={keys && !touchScreen ? `${toolLabel} (Ctrl+${keys})` : toolLabel}
              aria-keyshortcuts={keys && !touchScreen ? `Control+${keys} Meta+${keys}` : undefined}
              title={keys && !touchScreen ? `${toolLabel} (Ctrl/⌘+${keys})` : toolLabel}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => format(kind)}
              className="inline-flex size-11 items-center justify-center rounded-lg border border-line bg-card hover:bg-ember-50"
            >
              <Icon aria-hidden="true" className="size-4" />
            </button>
          ))}
        </div>
      )}

      <div className={cn("relative", preview && "hidden")}>
        <textarea
          ref={textarea}
          id={id}
          rows={rows}
          value={value}
          autoFocus={autoFocus}
          aria-invalid={error || left < 0 ? true : undefined}
          aria-describedby={described || undefined}
          onChange={(event) => {
            onChange(event.target.value);
            setCaret(event.target.selectionStart);
            onTyping?.();
          }}
          onSelect={(event) => setCaret(event.currentTarget.selectionStart)}
          onKeyDown={onKeyDown}
          onBlur={() => setCaret(-1)}
          className={cn("w-full rounded-lg border bg-card px-3 py-2 text-ink", error || left < 0 ? "border-danger" : "border-line")}
          {...mentions.inputProps}
        />
        {mentions.open && (
          <MentionListbox
            id={mentions.listboxId}
            people={mentions.people}
            activeIndex={mentions.activeIndex}
            optionId={mentions.optionId}
            onChoose={mentions.choose}
          />
        )}
      </div>

      {preview && (
        <div role="region" aria-label={`${label}: preview`} className="min-h-24 rounded-lg border border-dashed border-line bg-card px-3 py-2">
          {value.trim() ? <MarkdownText source={value} /> : <p className="text-muted">Nothing to preview yet.</p>}
        </div>
      )}

      {left <= COUNTER_MARGIN && (
        <p id={counterId} aria-live="polite" className={cn("text-sm font-medium", left < 0 ? "text-danger" : "text-muted")}>
          {left >= 0
            ? `${left.toLocaleString("en-GB")} ${left === 1 ? "character" : "characters"} left`
            : `${(-left).toLocaleString("en-GB")} ${left === -1 ? "character" : "characters"} over the limit of ${maxLength.toLocaleString("en-GB")}`}
        </p>
      )}
      {error && (
        <p id={errorId} role="alert" className="text-sm font-medium text-danger">
          {error}
        </p>
      )}
    </div>
  );
}
