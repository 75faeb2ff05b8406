"use client";

import { Check, Copy } from "lucide-react";
import { useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";

/**
 * An anonymous voter's change code in a read-only field with a Copy button, for changing the
 * vote from another device. Where the clipboard is not available the text is selected instead.
 */
export function ChangeCodeField({ code }: { code: string }) {
  const inputId = useId();
  const hintId = `${inputId}-hint`;
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<"idle" | "copied" | "manual">("idle");

  async function copy() {
    try {
      await navigator.clipboard.writeText(code);
      setState("copied");
    } catch {
      input.current?.select();
      setState("manual");
    }
  }

  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={inputId} className="font-semibold">
        Your change code
      </label>
      <p id={hintId} className="text-sm text-muted">
        To change your vote from another device, copy this code and keep it to yourself: your receipt alone cannot change your vote, but
        this code can.
      </p>
      <div className="flex flex-wrap gap-2">
        <input
          id={inputId}
          ref={input}
          readOnly
          value={code}
          aria-describedby={hintId}
          data-testid="change-code"
          onFocus={(event) => event.currentTarget.select()}
          className="min-h-11 min-w-0 flex-1 rounded-lg border border-line bg-paper px-3 py-2 font-mono text-sm"
        />
        <Button variant="secondary" onClick={copy}>
          {state === "copied" ? <Check aria-hidden="true" className="size-4" /> : <Copy aria-hidden="true" className="size-4" />}
          {state === "copied" ? "Copied" : "Copy code"}
        </Button>
      </div>
      <p role="status" className="text-sm text-muted">
        {state === "manual" ? "Copying is not available here: the code is selected, copy it with your keyboard or menu." : ""}
      </p>
    </div>
  );
}
