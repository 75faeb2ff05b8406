"use client";

import { useQuery } from "@tanstack/react-query";
import { ListChecks } from "lucide-react";
import Link from "next/link";
import { useTRPC } from "@/lib/trpc/client";
import { canInGroup } from "@/server/policy";

/**
 * Under a poll's outcome: the way to the group's decision register, where the outcome is tracked
 * (owner, status, progress). Shown only to those who may open the register, never to guests.
 */
export function OutcomeDecisionLink({ handle }: { handle: string }) {
  const trpc = useTRPC();
  const { data: canView } = useQuery({
    ...trpc.group.byHandle.queryOptions({ handle }),
    select: (group) => canInGroup({ role: group.myRole, settings: group.settings }, "decision.view"),
  });
  if (!canView) return null;
  return (
    <p>
      <Link href={`/groups/${handle}/decisions`} className="inline-flex items-center gap-1 text-ember-700 underline">
        <ListChecks aria-hidden="true" className="size-4" /> Decision register
      </Link>
    </p>
  );
}
