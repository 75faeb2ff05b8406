"use client";

import { useId, useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { FormButtons } from "@/components/ui/form-buttons";
import { TextareaField } from "@/components/ui/textarea-field";
import { MAX_DOC_COMMENT_LENGTH } from "@/server/doc-comments/schemas";

/** The form for a comment on the text someone selected; what they typed survives an error. */
export function NewCommentForm({
  quote,
  pending,
  error,
  onSubmit,
  onCancel,
}: {
  quote: string;
  pending: boolean;
  error: string | null;
  onSubmit: (body: string) => void;
  onCancel: () => void;
}) {
  const [body, setBody] = useState("");
  const headingId = useId();

  function submit(event: FormEvent) {
    event.preventDefault();
    if (body.trim()) onSubmit(body);
  }

  return (
    <form
      onSubmit={submit}
      aria-labelledby={headingId}
      className="space-y-3 rounded-lg border border-ember-600 bg-card p-3"
      onKeyDown={(event) => {
        if (event.key === "Escape") onCancel();
      }}
    >
      <h3 id={headingId} className="font-semibold">
        New comment
      </h3>
      <blockquote className="border-l-4 border-ember-600 bg-ember-50 px-3 py-1 text-sm">{quote}</blockquote>
      <TextareaField
        label="Your comment"
        value={body}
        onChange={(event) => setBody(event.target.value)}
        maxLength={MAX_DOC_COMMENT_LENGTH}
        rows={3}
        autoFocus
        required
      />
      {error && <Alert>{error}</Alert>}
      <FormButtons label="Add comment" pendingLabel="Adding…" pending={pending} disabled={!body.trim()} onCancel={onCancel} />
    </form>
  );
}
