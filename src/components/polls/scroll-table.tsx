import type { ReactNode } from "react";

/** A table that scrolls sideways on narrow screens; the scroller takes focus so keyboards can scroll it too. */
export function ScrollTable({ caption, children }: { caption: string; children: ReactNode }) {
  return (
    <div role="group" aria-label={caption} tabIndex={0} className="max-w-full overflow-x-auto rounded-lg border border-line">
      <table className="w-full border-collapse text-left">
        <caption className="sr-only">{caption}</caption>
        {children}
      </table>
    </div>
  );
}

export const cellClass = "border-b border-line px-3 py-2";
