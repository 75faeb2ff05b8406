import type { Metadata } from "next";
import { titleOrNotFound } from "@/app/_lib/page-title";
import { redirect } from "next/navigation";
import { DocumentHistory } from "@/components/documents/history/document-history";
import { AppShell } from "@/components/shell/app-shell";
import { Breadcrumb } from "@/components/shell/breadcrumb";
import { LocalTime } from "@/components/ui/local-time";
import { loadDocument } from "@/app/documents/[id]/_lib/load-document";
import { getSessionUserId } from "@/server/api/context";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ version?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  if (!(await getSessionUserId())) return { title: "History" };
  return titleOrNotFound(async () => {
    const { document } = await loadDocument(id);
    return `History · ${document.title}`;
  });
}

export default async function DocumentHistoryPage({ params, searchParams }: Props) {
  const { id } = await params;
  if (!(await getSessionUserId())) redirect(`/signin?next=${encodeURIComponent(`/documents/${id}/history`)}`);
  const { document, me } = await loadDocument(id);
  const { version } = await searchParams;

  return (
    <AppShell me={me}>
      <div className="flex flex-col gap-6">
        <Breadcrumb
          trail={[
            { href: `/groups/${document.group.handle}`, label: document.group.name },
            { href: `/documents/${document.id}`, label: document.title },
          ]}
        />
        <div className="flex flex-col gap-2">
          <h1 className="break-words text-3xl font-bold">History of {document.title}</h1>
          {document.adoptedVersion ? (
            <p className="text-lg">
              Adopted vision: <strong>{document.adoptedVersion.name}</strong> (<LocalTime date={document.adoptedVersion.adoptedAt} />)
            </p>
          ) : (
            <p className="text-muted">No version of this document has been adopted yet.</p>
          )}
        </div>
        <DocumentHistory documentId={document.id} initialVersionId={typeof version === "string" ? version : null} />
      </div>
    </AppShell>
  );
}
