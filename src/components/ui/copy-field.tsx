"use client";

import { Check, Copy } from "lucide-react";
import { useId, useRef, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";

type CopyFieldProps = {
  value: string;
  label: string;
  /** What the value is, in the button ("Copy link") and the fallback message ("the link is selected"). */
  noun: string;
  /** Shown above the field and read with it; without a hint the label is for screen readers only. */
  hint?: ReactNode;
  testId?: string;
};

/**
 * A value in a read-only field with a Copy button. Where the clipboard is not available (plain
 * http, older browsers) the field's text is selected so the person can copy it themselves.
 */
export function CopyField({ value, label, noun, hint, testId }: CopyFieldProps) {
  const inputId = useId();
  const hintId = `${inputId}-hint`;
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<"idle" | "copied" | "manual">("idle");

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setState("copied");
    } catch {
      input.current?.select();
      setState("manual");
    }
  }

  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={inputId} className={hint ? "font-semibold" : "sr-only"}>
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="text-sm text-muted">
          {hint}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <input
          id={inputId}
          ref={input}
          readOnly
          value={value}
          aria-describedby={hint ? hintId : undefined}
          data-testid={testId}
          onFocus={(event) => event.currentTarget.select()}
          className="min-h-11 min-w-0 flex-1 rounded-lg border border-line bg-paper px-3 py-2 font-mono text-sm"
        />
        <Button variant="secondary" onClick={copy}>
          {state === "copied" ? <Check aria-hidden="true" className="size-4" /> : <Copy aria-hidden="true" className="size-4" />}
          {state === "copied" ? "Copied" : `Copy ${noun}`}
        </Button>
      </div>
      <p role="status" className="text-sm text-muted">
        {state === "manual" ? `Copying is not available here: the ${noun} is selected, copy it with your keyboard or menu.` : ""}
      </p>
    </div>
  );
}
