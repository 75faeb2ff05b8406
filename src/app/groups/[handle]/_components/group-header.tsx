import { ChevronRight } from "lucide-react";
import Link from "next/link";
import { Logo } from "@/components/ui/logo";
import { RoleBadge } from "@/components/ui/role-badge";
import type { LoadedGroup } from "@/app/groups/[handle]/_lib/load-group";

export function GroupHeader({ group }: { group: LoadedGroup }) {
  return (
    <header className="mb-4 flex items-center gap-4">
      <Logo url={group.logoUrl} size="lg" />
      <div className="min-w-0">
        {group.parent && (
          <nav aria-label="Breadcrumb" className="text-sm">
            <ol className="flex flex-wrap items-center gap-1 text-muted">
              <li>
                <Link href={`/groups/${group.parent.handle}`} className="font-semibold text-ember-700 underline">
                  {group.parent.name}
                </Link>
              </li>
              <li aria-hidden="true">
                <ChevronRight className="size-4" />
              </li>
              <li aria-current="page">{group.name}</li>
            </ol>
          </nav>
        )}
        <h1 className="break-words text-3xl font-bold">{group.name}</h1>
        {group.myRole && (
          <p className="mt-1 flex items-center gap-2 text-sm text-muted">
            You are <RoleBadge role={group.myRole} />
          </p>
        )}
      </div>
    </header>
  );
}
