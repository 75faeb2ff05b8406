"use client";

import { useState } from "react";
import { defaultClosingTime, fromLocalInputValue, toLocalInputValue } from "@/components/polls/time-zone";
import { TextField } from "@/components/ui/text-field";

const NO_TIME = "Choose when the vote closes.";

/** When a vote closes, as typed in the viewer's time zone: a week ahead unless `initial` says otherwise. */
export function useClosingTime(initial: () => Date = () => defaultClosingTime(new Date())) {
  const [value, setValue] = useState(() => toLocalInputValue(initial()));
  const [missing, setMissing] = useState(false);
  return {
    value,
    setValue,
    missing,
    /** Back to the starting time, as a form opened again starts. */
    reset: () => {
      setValue(toLocalInputValue(initial()));
      setMissing(false);
    },
    /** The time chosen, or null, with the field saying a time is needed. */
    read: (): Date | null => {
      const closingAt = fromLocalInputValue(value);
      setMissing(!closingAt);
      return closingAt;
    },
  };
}

/** The closing-time input of every form that starts or moves a vote. */
export function ClosingTimeField({ closing, label, error }: { closing: ReturnType<typeof useClosingTime>; label: string; error?: string | null }) {
  return (
    <TextField
      label={label}
      type="datetime-local"
      value={closing.value}
      onChange={(event) => closing.setValue(event.target.value)}
      required
      error={closing.missing ? NO_TIME : (error ?? null)}
    />
  );
}
