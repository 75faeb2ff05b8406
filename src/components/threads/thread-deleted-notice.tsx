"use client";

import Link from "next/link";
import { useEffect, useRef } from "react";

/**
 * Takes the place of a thread deleted while it was open here. Focus moves to the heading, as
 * whatever had focus has gone with the thread.
 */
export function ThreadDeletedNotice({ group }: { group: { name: string; handle: string } }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div role="status" className="flex flex-col gap-3 rounded-xl border border-line bg-card p-6 shadow-sm">
      <h1 ref={heading} tabIndex={-1} className="text-2xl font-bold">
        This thread was deleted
      </h1>
      <p className="text-muted">An admin of {group.name} deleted it for everyone, with its comments and polls.</p>
      <p>
        <Link href={`/groups/${group.handle}`} className="font-semibold text-ember-700 underline">
          Go to {group.name}
        </Link>
      </p>
    </div>
  );
}
