"use client";

import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { AckBlock } from "@/components/acks/ack-block";
import { AuthorshipToggle, AuthorshipView } from "@/components/documents/authorship/authorship-view";
import { DiffView } from "@/components/documents/history/diff-view";
import { ExportMenu } from "@/components/documents/history/export-menu";
import { NameVersionDialog } from "@/components/documents/history/name-version-dialog";
import { ProposeAdoptionDialog } from "@/components/documents/history/propose-adoption-dialog";
import { RestoreVersionDialog } from "@/components/documents/history/restore-version-dialog";
import { VersionList, type Version } from "@/components/documents/history/version-list";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { errorMessage } from "@/lib/trpc/error-message";
import { useTRPC } from "@/lib/trpc/client";

const words = (count: number) => `${count} word${count === 1 ? "" : "s"}`;

function SelectedVersion({
  documentId,
  version,
  canEdit,
  canPropose,
  onRestored,
}: {
  documentId: string;
  version: Version | null;
  canEdit: boolean;
  canPropose: boolean;
  onRestored: (versionId: string) => void;
}) {
  const canAdopt = version?.kind === "named" && canPropose && !version.adoptedAt && !(version.proposal && !version.proposal.closed);
  return (
    <div className="flex flex-wrap items-center gap-2">
      {!version && canEdit && <NameVersionDialog documentId={documentId} />}
      {version && canEdit && <RestoreVersionDialog documentId={documentId} version={version} onRestored={onRestored} />}
      <ExportMenu documentId={documentId} versionId={version?.id} label={version ? "Export this version" : "Export"} />
      {version && canAdopt && <ProposeAdoptionDialog documentId={documentId} version={version} />}
      {version?.kind === "auto" && canPropose && (
        <p className="text-sm text-muted">To propose adopting this text, restore it and name the version.</p>
      )}
    </div>
  );
}

/** The history page: versions on one side; the chosen version, or a comparison of two, on the other. */
export function DocumentHistory({ documentId, initialVersionId }: { documentId: string; initialVersionId: string | null }) {
  const trpc = useTRPC();
  const [selected, setSelected] = useState<string[]>(initialVersionId ? [initialVersionId] : ["current"]);
  const [notice, setNotice] = useState<string | null>(null);
  const [showAuthors, setShowAuthors] = useState(false);
  const versions = useInfiniteQuery(
    trpc.document.versions.infiniteQueryOptions({ id: documentId }, { getNextPageParam: (page) => page.nextCursor }),
  );
  const items = versions.data?.pages.flatMap((page) => page.items) ?? [];
  const first = versions.data?.pages[0];
  // Newest first, with the current text above every version: the lower one in the list is the older.
  const order = ["current", ...items.map((version) => version.id)];
  const [newer, older] = [...selected].sort((a, b) => order.indexOf(a) - order.indexOf(b));
  const from = older ?? newer;
  const to = newer;
  const diff = useQuery({
    ...trpc.document.diff.queryOptions({ id: documentId, fromVersionId: from ?? "current", toVersionId: to ?? "current" }),
    enabled: Boolean(from && to),
  });
  const labelOf = (id: string) => (id === "current" ? "Current text" : (items.find((version) => version.id === id)?.label ?? "Version"));
  const single = selected.length === 1 ? selected[0]! : null;

  const toggle = (id: string) => {
    setNotice(null);
    setSelected((current) => (current.includes(id) ? current.filter((other) => other !== id) : [...current, id].slice(-2)));
  };

  return (
    <div className="grid gap-6 lg:grid-cols-[20rem_1fr]">
      <section aria-labelledby="versions-heading" className="flex flex-col gap-3">
        <h2 id="versions-heading" className="text-xl font-bold">
          Versions
        </h2>
        <p className="text-sm text-muted">Tick one version to read it, or two to compare them.</p>
        {versions.error ? <Alert>{errorMessage(versions.error)}</Alert> : null}
        <VersionList versions={items} selected={selected} onToggle={toggle} />
        {versions.hasNextPage && (
          <Button variant="secondary" onClick={() => void versions.fetchNextPage()} disabled={versions.isFetchingNextPage}>
            {versions.isFetchingNextPage ? "Loading…" : "Show older versions"}
          </Button>
        )}
      </section>
      <section aria-labelledby="viewer-heading" className="flex min-w-0 flex-col gap-4">
        <h2 id="viewer-heading" className="break-words text-xl font-bold">
          {selected.length === 2
            ? `Changes from “${labelOf(from!)}” to “${labelOf(to!)}”`
            : single
              ? labelOf(single)
              : "Choose a version"}
        </h2>
        {notice && <Alert tone="info">{notice}</Alert>}
        {single && first && (
          <SelectedVersion
            documentId={documentId}
            version={single === "current" ? null : (items.find((version) => version.id === single) ?? null)}
            canEdit={first.canEdit}
            canPropose={first.canPropose}
            onRestored={(versionId) => {
              setSelected([versionId]);
              setNotice("Restored. The document reads like this version again, and editors see it now.");
            }}
          />
        )}
        {single && single !== "current" && items.find((version) => version.id === single)?.adoptedAt && (
          <AckBlock kind="document_version" id={single} itemVersion={single} />
        )}
        {selected.length === 2 && diff.data && (
          <p className="text-muted">
            {words(diff.data.insertedWords)} inserted (underlined), {words(diff.data.deletedWords)} deleted (struck through).
          </p>
        )}
        {diff.error ? <Alert>{errorMessage(diff.error)}</Alert> : null}
        {single && <AuthorshipToggle shown={showAuthors} onChange={setShowAuthors} />}
        {single && showAuthors ? (
          <AuthorshipView documentId={documentId} versionId={single === "current" ? undefined : single} />
        ) : (
          <>
            {selected.length > 0 && diff.data && (
              <div className="rounded-xl border border-line bg-card p-5" data-testid="version-text">
                <DiffView blocks={diff.data.blocks} />
              </div>
            )}
            {selected.length > 0 && diff.isPending && <p className="text-muted">Loading…</p>}
          </>
        )}
      </section>
    </div>
  );
}
