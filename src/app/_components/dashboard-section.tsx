import Link from "next/link";
import { useId, type ReactNode } from "react";

/**
 * One short section of the dashboard: a heading carrying its total, at most a few items, and
 * "See all" where a full list exists, or a line saying how many more there are.
 */
export function DashboardSection({
  title,
  total,
  shown,
  seeAll,
  more,
  children,
}: {
  title: string;
  total: number;
  shown: number;
  seeAll?: { href: string; label: string };
  /** Said when there are more than shown and no full list to link to, e.g. "3 more in your groups below". */
  more?: string;
  children: ReactNode;
}) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="min-w-0 rounded-xl border border-line bg-card p-4 shadow-sm">
      <h2 id={headingId} className="flex flex-wrap items-center gap-2 text-lg font-bold">
        {title}{" "}
        <span className="rounded-full bg-ember-50 px-2.5 text-base font-semibold text-ember-800">{total}</span>
      </h2>
      <ul className="mt-2 flex flex-col divide-y divide-line">{children}</ul>
      {seeAll ? (
        <p className="mt-2">
          <Link href={seeAll.href} className="inline-flex min-h-11 items-center font-semibold text-ember-700 hover:underline">
            {seeAll.label}
          </Link>
        </p>
      ) : (
        total > shown && more && <p className="mt-2 text-sm text-muted">{more}</p>
      )}
    </section>
  );
}

/** An item of a section: its link (the title) and a line of plain facts under it. */
function DashboardItem({ href, title, badge, children }: { href: string; title: string; badge?: ReactNode; children: ReactNode }) {
  return (
    <li className="flex items-start justify-between gap-3 py-2">
      <div className="min-w-0">
        <Link href={href} className="inline-block min-h-6 break-words font-semibold text-ink underline-offset-4 hover:underline">
          {title}
        </Link>
        <p className="break-words text-sm text-muted">{children}</p>
      </div>
      {badge}
    </li>
  );
}

/** A section whose items are each a link to their own page, at `${path}/${id}`. */
export function DashboardLinks<Item extends { id: string; title: string }>({
  title,
  section,
  path,
  more,
  badge,
  facts,
}: {
  title: string;
  section: { total: number; items: Item[] };
  path: string;
  more?: string;
  badge?: (item: Item) => ReactNode;
  /** The line of plain facts under the item's title. */
  facts: (item: Item) => ReactNode;
}) {
  return (
    <DashboardSection title={title} total={section.total} shown={section.items.length} more={more}>
      {section.items.map((item) => (
        <DashboardItem key={item.id} href={`${path}/${item.id}`} title={item.title} badge={badge?.(item)}>
          {facts(item)}
        </DashboardItem>
      ))}
    </DashboardSection>
  );
}
