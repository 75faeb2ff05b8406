"use client";

import type { SearchOrder } from "@/components/search/search-query";
import { cn } from "@/components/ui/cn";

const ORDERS: { value: SearchOrder; label: string }[] = [
  { value: "newest", label: "Newest first" },
  { value: "best", label: "Best first" },
];

/**
 * Newest first or best first (the closest matches on top). The page writes the choice into the
 * query as `order:best`, as the status chips write `status:`, so the box and the toggle agree.
 */
export function OrderToggle({ order, onChange }: { order: SearchOrder; onChange: (order: SearchOrder) => void }) {
  return (
    <div role="group" aria-label="Order of results" className="inline-flex rounded-full border border-line bg-card p-0.5">
      {ORDERS.map(({ value, label }) => (
        <button
          key={value}
          type="button"
          aria-pressed={order === value}
          onClick={() => onChange(value)}
          className={cn("min-h-10 rounded-full px-4 font-semibold", order === value ? "bg-ember-700 text-white" : "text-ink hover:bg-ember-50")}
        >
          {label}
        </button>
      ))}
    </div>
  );
}
