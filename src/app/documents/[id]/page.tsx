import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { cache } from "react";
import { DocumentWorkspace } from "@/components/documents/document-workspace";
import { AppShell } from "@/components/shell/app-shell";
import { getSessionUserId } from "@/server/api/context";
import { getServerCaller, orNotFound } from "@/server/api/server-caller";

type Props = { params: Promise<{ id: string }> };

/** Documents the viewer cannot see are simply not found. */
const loadDocument = cache(async (id: string) => {
  const caller = await getServerCaller();
  return orNotFound(async () => {
    const [document, me] = await Promise.all([caller.document.byId({ id }), caller.user.me()]);
    return { document, me };
  });
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  if (!(await getSessionUserId())) return { title: "Document" };
  const { document } = await loadDocument(id);
  return { title: `${document.title} · ${document.group.name}` };
}

export default async function DocumentPage({ params }: Props) {
  const { id } = await params;
  if (!(await getSessionUserId())) redirect(`/signin?next=${encodeURIComponent(`/documents/${id}`)}`);
  const { document, me } = await loadDocument(id);
  return (
    <AppShell me={me}>
      <DocumentWorkspace key={document.id} document={document} me={{ id: me.id, name: me.name }} />
    </AppShell>
  );
}
