"use client";

import { useQuery } from "@tanstack/react-query";
import { Users } from "lucide-react";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { useTRPC, type RouterOutputs } from "@/lib/trpc/client";

type Group = RouterOutputs["group"]["list"][number];

const ROLE_LABELS: Record<Group["role"], string> = { admin: "Admin", member: "Member", guest: "Guest" };

export function GroupList({ initialGroups }: { initialGroups: Group[] }) {
  const trpc = useTRPC();
  const { data: groups = initialGroups } = useQuery({ ...trpc.group.list.queryOptions(), initialData: initialGroups });

  if (groups.length === 0) {
    return (
      <Card>
        <h2 className="text-xl font-semibold">You are not in any group yet</h2>
        <p className="mt-2 text-muted">When someone invites you to a group, it will appear here.</p>
      </Card>
    );
  }

  return (
    <ul className="grid gap-4" aria-label="Your groups">
      {groups.map((group) => (
        <li key={group.id} className={cn(group.parentId && "sm:ml-8")}>
          <Card>
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h2 className="text-xl font-semibold">{group.name}</h2>
              <span className="rounded-full bg-ember-100 px-3 py-0.5 text-sm font-semibold text-ember-800">
                {ROLE_LABELS[group.role]}
              </span>
            </div>
            {group.description && <p className="mt-2 text-muted">{group.description}</p>}
            <p className="mt-3 flex items-center gap-2 text-sm text-muted">
              <Users aria-hidden="true" className="size-4" />
              {group.memberCount} {group.memberCount === 1 ? "person" : "people"}
              {group.parentId && " · subgroup"}
            </p>
          </Card>
        </li>
      ))}
    </ul>
  );
}
