import type { Metadata } from "next";
import { titleOrNotFound } from "@/app/_lib/page-title";
import { redirect } from "next/navigation";
import { DocumentWorkspace } from "@/components/documents/document-workspace";
import { AppShell } from "@/components/shell/app-shell";
import { loadDocument } from "@/app/documents/[id]/_lib/load-document";
import { getSessionUserId } from "@/server/api/context";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  if (!(await getSessionUserId())) return { title: "Document" };
  return titleOrNotFound(async () => {
    const { document } = await loadDocument(id);
    return `${document.title} · ${document.group.name}`;
  });
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
