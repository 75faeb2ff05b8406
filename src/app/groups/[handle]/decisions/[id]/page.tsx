import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { DecisionView } from "@/components/decisions/decision-view";
import { getServerCaller, orNotFound } from "@/server/api/server-caller";
import { titleOrNotFound } from "@/app/_lib/page-title";
import { loadGroup } from "@/app/groups/[handle]/_lib/load-group";

type Props = { params: Promise<{ handle: string; id: string }> };

/** A decision the caller may not see, or one of another group than the address says, is not found. */
const loadDecision = cache(async (handle: string, id: string) => {
  const { group } = await loadGroup(handle, `/groups/${handle}/decisions/${id}`);
  const caller = await getServerCaller();
  const decision = await orNotFound(() => caller.decision.byId({ id }), ["NOT_FOUND", "BAD_REQUEST"]);
  if (decision.groupId !== group.id) notFound();
  return { group, decision };
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { handle, id } = await params;
  return titleOrNotFound(async () => {
    const { group, decision } = await loadDecision(handle, id);
    return `${decision.title} · Decisions · ${group.name}`;
  });
}

export default async function DecisionPage({ params }: Props) {
  const { handle, id } = await params;
  const { group, decision } = await loadDecision(handle, id);
  return <DecisionView initial={decision} handle={group.handle} />;
}
