"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { cn } from "@/components/ui/cn";

type Edges = { before: boolean; after: boolean };

/**
 * The sections of a group the caller may open; the current one is marked for screen readers too.
 * On a narrow screen the tabs scroll sideways in their own row (never the page): the current tab
 * is scrolled into view, and a fade on either edge shows that more tabs lie that way.
 */
export function GroupTabs({ tabs }: { tabs: { href: string; label: string }[] }) {
  const pathname = usePathname();
  const scroller = useRef<HTMLElement>(null);
  const [edges, setEdges] = useState<Edges>({ before: false, after: false });

  const measure = useCallback(() => {
    const element = scroller.current;
    if (!element) return;
    const before = element.scrollLeft > 1;
    const after = element.scrollLeft + element.clientWidth < element.scrollWidth - 1;
    setEdges((previous) => (previous.before === before && previous.after === after ? previous : { before, after }));
  }, []);

  useEffect(() => {
    const element = scroller.current;
    const current = element?.querySelector<HTMLElement>('[aria-current="page"]');
    if (element && current) {
      // Centred in the row by moving the row only: scrollIntoView could move the page as well.
      const row = element.getBoundingClientRect();
      const tab = current.getBoundingClientRect();
      element.scrollLeft += tab.left - row.left - (row.width - tab.width) / 2;
    }
    measure();
  }, [pathname, measure]);

  useEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [measure]);

  return (
    <div className="relative -mx-4 border-b border-line">
      <nav ref={scroller} aria-label="Group sections" data-testid="group-tabs" onScroll={measure} className="overflow-x-auto px-4">
        <ul className="flex gap-1">
          {tabs.map((tab) => {
            const current = pathname === tab.href;
            return (
              <li key={tab.href}>
                <Link
                  href={tab.href}
                  aria-current={current ? "page" : undefined}
                  className={cn(
                    "inline-flex min-h-11 items-center whitespace-nowrap border-b-4 px-3 font-semibold",
                    current ? "border-ember-700 text-ember-800" : "border-transparent text-muted hover:text-ink",
                  )}
                >
                  {tab.label}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      {edges.before && (
        <span
          aria-hidden="true"
          data-testid="group-tabs-more-before"
          className="pointer-events-none absolute inset-y-0 left-0 w-10 bg-linear-to-r from-paper to-transparent"
        />
      )}
      {edges.after && (
        <span
          aria-hidden="true"
          data-testid="group-tabs-more-after"
          className="pointer-events-none absolute inset-y-0 right-0 w-10 bg-linear-to-l from-paper to-transparent"
        />
      )}
    </div>
  );
}
