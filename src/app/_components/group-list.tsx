"use client";

import { useQuery } from "@tanstack/react-query";
import { Users } from "lucide-react";
import Image from "next/image";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { RoleBadge } from "@/components/ui/role-badge";
import { plainExcerpt } from "@/lib/text";
import { useTRPC, type RouterOutputs } from "@/lib/trpc/client";

type Group = RouterOutputs["group"]["list"][number];

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
          <Card className="relative flex gap-4 focus-within:ring-2 focus-within:ring-ember-600 hover:border-ember-600">
            {group.logoUrl && (
              <Image
                src={group.logoUrl}
                alt=""
                width={56}
                height={56}
                unoptimized
                className="size-14 shrink-0 rounded-lg border border-line object-cover"
              />
            )}
            <div className="min-w-0 flex-1">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <h2 className="text-xl font-semibold">
                  {/* The link covers the whole card, so the card is one large target. */}
                  <Link href={`/groups/${group.handle}`} className="after:absolute after:inset-0 hover:underline focus-visible:outline-none">
                    {group.name}
                  </Link>
                </h2>
                <RoleBadge role={group.role} />
              </div>
              {group.description && <p className="mt-2 break-words text-muted">{plainExcerpt(group.description, 200)}</p>}
              <p className="mt-3 flex items-center gap-2 text-sm text-muted">
                <Users aria-hidden="true" className="size-4" />
                {group.memberCount} {group.memberCount === 1 ? "person" : "people"}
                {group.parentId && " · subgroup"}
              </p>
            </div>
          </Card>
        </li>
      ))}
    </ul>
  );
}
