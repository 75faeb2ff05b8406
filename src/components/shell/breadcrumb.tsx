import Link from "next/link";
import { Fragment } from "react";

/** Where a page sits: "Your groups / <group> / …", each step a link back up. */
export function Breadcrumb({ trail }: { trail: { href: string; label: string }[] }) {
  return (
    <nav aria-label="Breadcrumb">
      <ol className="flex flex-wrap items-center gap-2 text-sm text-muted">
        <li>
          <Link href="/" className="underline hover:text-ink">
            Your groups
          </Link>
        </li>
        {trail.map((step) => (
          <Fragment key={step.href}>
            <li aria-hidden="true">/</li>
            <li className="min-w-0 break-words">
              <Link href={step.href} className="font-semibold text-ember-700 underline">
                {step.label}
              </Link>
            </li>
          </Fragment>
        ))}
      </ol>
    </nav>
  );
}
