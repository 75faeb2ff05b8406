"use client";

import { ClosingTimeField, useClosingTime } from "@/components/polls/closing-time-field";
import { Alert } from "@/components/ui/alert";
import { FormButtons } from "@/components/ui/form-buttons";
import { errorMessage } from "@/lib/trpc/error-message";

/** A new closing time (for reopening or extending), typed in the viewer's time zone. */
export function ClosingTimeForm({
  initial,
  submitLabel,
  pending,
  error,
  onSubmit,
  onCancel,
}: {
  initial: Date;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (closingAt: Date) => void;
  onCancel: () => void;
}) {
  const closing = useClosingTime(() => initial);
  return (
    <form
      className="flex flex-col gap-3 rounded-lg border border-line p-4"
      onSubmit={(event) => {
        event.preventDefault();
        const closingAt = closing.read();
        if (closingAt) onSubmit(closingAt);
      }}
    >
      <ClosingTimeField closing={closing} label="New closing time" />
      {error ? <Alert>{errorMessage(error)}</Alert> : null}
      <FormButtons label={submitLabel} pending={pending} onCancel={onCancel} />
    </form>
  );
}
