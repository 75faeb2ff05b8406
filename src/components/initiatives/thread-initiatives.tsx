"use client";

import { useQuery } from "@tanstack/react-query";
import { Sprout } from "lucide-react";
import Link from "next/link";
import { useInitiativesLive } from "@/components/initiatives/use-initiatives-live";
import { useTRPC } from "@/lib/trpc/client";

/**
 * The initiatives a thread is about, as links into the group's directory. Only for its members and
 * admins (`enabled`): guests never see the directory. Nothing shows while there are none.
 */
export function ThreadInitiatives({ threadId, groupId, enabled }: { threadId: string; groupId: string; enabled: boolean }) {
  const trpc = useTRPC();
  const { data } = useQuery({ ...trpc.initiative.forThread.queryOptions({ threadId }), enabled });
  useInitiativesLive(groupId);
  if (!enabled || !data || data.items.length === 0) return null;
  return (
    <section aria-labelledby="thread-initiatives-heading" className="flex flex-wrap items-center gap-2 text-sm">
      <h2 id="thread-initiatives-heading" className="flex items-center gap-1 font-semibold">
        <Sprout aria-hidden="true" className="size-4" /> About {data.items.length === 1 ? "the initiative" : "the initiatives"}
      </h2>
      <ul className="flex flex-wrap gap-2">
        {data.items.map((initiative) => (
          <li key={initiative.id}>
            <Link href={initiative.url} className="inline-flex min-h-9 items-center rounded-full bg-ember-50 px-3 font-semibold text-ember-800 hover:bg-ember-100">
              {initiative.name}
              {initiative.organisation && <span className="ml-1 font-normal text-muted">· {initiative.organisation.name}</span>}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
