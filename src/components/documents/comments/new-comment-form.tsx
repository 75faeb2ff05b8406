"use client";

import { useId, useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
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
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={pending || !body.trim()}>
          {pending ? "Adding…" : "Add comment"}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
