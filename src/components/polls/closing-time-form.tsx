"use client";

import { useState } from "react";
import { fromLocalInputValue, toLocalInputValue } from "@/components/polls/time-zone";
import { Alert } from "@/components/ui/alert";
import { FormButtons } from "@/components/ui/form-buttons";
import { TextField } from "@/components/ui/text-field";
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
  const [value, setValue] = useState(() => toLocalInputValue(initial));
  const [missing, setMissing] = useState(false);
  return (
    <form
      className="flex flex-col gap-3 rounded-lg border border-line p-4"
      onSubmit={(event) => {
        event.preventDefault();
        const closingAt = fromLocalInputValue(value);
        setMissing(!closingAt);
        if (closingAt) onSubmit(closingAt);
      }}
    >
      <TextField
        label="New closing time"
        type="datetime-local"
        value={value}
        onChange={(event) => setValue(event.target.value)}
        error={missing ? "Choose a date and time." : null}
        required
      />
      {error ? <Alert>{errorMessage(error)}</Alert> : null}
      <FormButtons label={submitLabel} pending={pending} onCancel={onCancel} />
    </form>
  );
}
