"use client";

import { Check, Copy } from "lucide-react";
import { useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";

/**
 * A link shown in a read-only field with a Copy button. Where the clipboard is not available
 * (plain http, older browsers) the field's text is selected so the person can copy it themselves.
 */
export function CopyLink({ link, label }: { link: string; label: string }) {
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<"idle" | "copied" | "manual">("idle");

  async function copy() {
    try {
      await navigator.clipboard.writeText(link);
      setState("copied");
    } catch {
      input.current?.select();
      setState("manual");
    }
  }

  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={inputId} className="sr-only">
        {label}
      </label>
      <div className="flex flex-wrap gap-2">
        <input
          id={inputId}
          ref={input}
          readOnly
          value={link}
          onFocus={(event) => event.currentTarget.select()}
          className="min-h-11 min-w-0 flex-1 rounded-lg border border-line bg-paper px-3 py-2 font-mono text-sm"
        />
        <Button variant="secondary" onClick={copy}>
          {state === "copied" ? <Check aria-hidden="true" className="size-4" /> : <Copy aria-hidden="true" className="size-4" />}
          {state === "copied" ? "Copied" : "Copy link"}
        </Button>
      </div>
      <p role="status" className="text-sm text-muted">
        {state === "manual" ? "Copying is not available here: the link is selected, copy it with your keyboard or menu." : ""}
      </p>
    </div>
  );
}
