"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
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
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={pending || !body.trim()}>
          {pending ? "Sending…" : "Send reply"}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
