"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { FormButtons } from "@/components/ui/form-buttons";
import { TextareaField } from "@/components/ui/textarea-field";
import { errorMessage } from "@/lib/trpc/error-message";

/**
 * The reply box under a document comment or a suggestion. What was typed stays while sending
 * fails; the box closes (and empties) when the caller's mutation succeeds.
 */
export function ReplyForm({
  to,
  maxLength,
  pending,
  error,
  onSend,
  onCancel,
}: {
  /** Whose comment or suggestion this answers, for the field's label. */
  to: string;
  maxLength: number;
  pending: boolean;
  error: unknown;
  onSend: (body: string) => void;
  onCancel: () => void;
}) {
  const [body, setBody] = useState("");
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (body.trim()) onSend(body);
      }}
      className="space-y-2"
    >
      <TextareaField label={`Reply to ${to}`} value={body} onChange={(event) => setBody(event.target.value)} maxLength={maxLength} rows={2} autoFocus required />
      {error ? <Alert>{errorMessage(error)}</Alert> : null}
      <FormButtons label="Send reply" pendingLabel="Sending…" pending={pending} disabled={!body.trim()} onCancel={onCancel} />
    </form>
  );
}
