import type { Metadata } from "next";
import { titleOrNotFound } from "@/app/_lib/page-title";
import { redirect } from "next/navigation";
import { cache } from "react";
import { ResourceView } from "@/components/resources/resource-view";
import { AppShell } from "@/components/shell/app-shell";
import { getSessionUserId } from "@/server/api/context";
import { getServerCaller, orNotFound } from "@/server/api/server-caller";

type Props = { params: Promise<{ id: string }> };

/** Resources the viewer may not see (drafts of others, other groups' libraries) are simply not found. */
const loadResource = cache(async (id: string) => {
  const caller = await getServerCaller();
  return orNotFound(async () => {
    const [resource, me] = await Promise.all([caller.resource.byId({ id }), caller.user.me()]);
    return { resource, me };
  });
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  if (!(await getSessionUserId())) return { title: "Resource" };
  return titleOrNotFound(async () => {
    const { resource } = await loadResource(id);
    return `${resource.title} · ${resource.group.name}`;
  });
}

export default async function ResourcePage({ params }: Props) {
  const { id } = await params;
  if (!(await getSessionUserId())) redirect(`/signin?next=${encodeURIComponent(`/resources/${id}`)}`);
  const { resource, me } = await loadResource(id);
  return (
    <AppShell me={me}>
      <ResourceView initialResource={resource} />
    </AppShell>
  );
}
