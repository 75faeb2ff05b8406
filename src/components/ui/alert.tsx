import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";

/** A message that screen readers announce as soon as it appears. */
export function Alert({ tone = "error", children }: { tone?: "error" | "info"; children: ReactNode }) {
  return (
    <div
      role={tone === "error" ? "alert" : "status"}
      className={cn(
        "rounded-lg border px-4 py-3",
        tone === "error" ? "border-danger bg-red-50 text-danger" : "border-line bg-ember-50 text-ink",
      )}
    >
      {children}
    </div>
  );
}
