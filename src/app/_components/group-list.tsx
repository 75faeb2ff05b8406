import { MessageSquare, Users, Vote } from "lucide-react";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { Logo } from "@/components/ui/logo";
import { RoleBadge } from "@/components/ui/role-badge";
import { plainExcerpt } from "@/lib/text";
import type { RouterOutputs } from "@/lib/trpc/client";

type Group = RouterOutputs["dashboard"]["get"]["groups"][number];

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** The reader's groups as cards, each one link, saying what is unread and open in it. */
export function GroupList({ groups }: { groups: Group[] }) {
  if (groups.length === 0) {
    return (
      <Card>
        <h2 className="text-xl font-semibold">You are not in any group yet</h2>
        <p className="mt-2 text-muted">When someone invites you to a group, it will appear here.</p>
      </Card>
    );
  }

  return (
    <section aria-labelledby="groups-heading">
      <h2 id="groups-heading" className="mb-3 flex items-center gap-2 text-lg font-bold">
        Your groups{" "}
        <span className="rounded-full bg-ember-50 px-2.5 text-base font-semibold text-ember-800">{groups.length}</span>
      </h2>
      <ul className="grid gap-4 lg:grid-cols-2" aria-label="Your groups">
        {groups.map((group) => (
          <li key={group.id} className={cn(group.parentId && "sm:ml-8 lg:ml-0")}>
            <Card className="relative flex h-full gap-4 focus-within:ring-2 focus-within:ring-ember-600 hover:border-ember-600">
              <Logo url={group.logoUrl} />
              <div className="min-w-0 flex-1">
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <h3 className="min-w-0 break-words text-xl font-semibold">
                    {/* The link covers the whole card, so the card is one large target. */}
                    <Link href={`/groups/${group.handle}`} className="after:absolute after:inset-0 hover:underline focus-visible:outline-none">
                      {group.name}
                    </Link>
                  </h3>
                  <RoleBadge role={group.role} />
                </div>
                {group.description && <p className="mt-2 break-words text-muted">{plainExcerpt(group.description, 200)}</p>}
                <p className="mt-3 flex flex-wrap items-center gap-x-4 gap-y-1 text-sm text-muted">
                  {group.role !== "guest" && (
                    <span className="inline-flex items-center gap-1.5">
                      <Users aria-hidden="true" className="size-4" />
                      {plural(group.memberCount, "person", "people")}
                    </span>
                  )}
                  <span className={cn("inline-flex items-center gap-1.5", group.unreadThreadCount > 0 && "font-semibold text-ember-800")}>
                    <MessageSquare aria-hidden="true" className="size-4" />
                    {plural(group.unreadThreadCount, "unread thread", "unread threads")}
                  </span>
                  <span className={cn("inline-flex items-center gap-1.5", group.openPollCount > 0 && "font-semibold text-ember-800")}>
                    <Vote aria-hidden="true" className="size-4" />
                    {plural(group.openPollCount, "open decision", "open decisions")}
                  </span>
                  {group.parentId && <span>subgroup</span>}
                </p>
              </div>
            </Card>
          </li>
        ))}
      </ul>
    </section>
  );
}
