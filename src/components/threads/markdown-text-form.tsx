"use client";

import { MarkdownEditor } from "@/components/threads/markdown-editor";
import { Alert } from "@/components/ui/alert";
import { FormButtons } from "@/components/ui/form-buttons";
import { errorMessage, fieldErrors } from "@/lib/trpc/error-message";

/**
 * One long markdown text written on its own page (minutes, a charter): the editor, its field's
 * error under it, any other error above the buttons. `field` is the input's name in the
 * procedure, so a field error lands on the editor.
 */
export function MarkdownTextForm({
  label,
  field,
  value,
  onChange,
  onSubmit,
  error,
  pending,
  rows,
  maxLength,
  saveLabel,
  onCancel,
}: {
  label: string;
  field: string;
  value: string;
  onChange: (value: string) => void;
  onSubmit: () => void;
  error: unknown;
  pending: boolean;
  rows: number;
  maxLength: number;
  saveLabel: string;
  onCancel: () => void;
}) {
  const fieldError = fieldErrors(error)?.[field]?.[0];
  return (
    <form
      className="flex flex-col gap-3"
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      <MarkdownEditor label={label} value={value} onChange={onChange} onSubmitShortcut={onSubmit} error={fieldError} rows={rows} maxLength={maxLength} autoFocus />
      {error && !fieldError ? <Alert>{errorMessage(error)}</Alert> : null}
      <FormButtons label={saveLabel} pending={pending} onCancel={onCancel} />
    </form>
  );
}
