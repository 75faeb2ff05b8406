"use client";

import { History } from "lucide-react";
import Link from "next/link";
import { ExportMenu } from "@/components/documents/history/export-menu";
import { NameVersionDialog } from "@/components/documents/history/name-version-dialog";

/** The document page's version tools: name the current text, open the history, export. The caller lays them out. */
export function DocumentVersionActions({ documentId, canEdit }: { documentId: string; canEdit: boolean }) {
  return (
    <>
      {canEdit && <NameVersionDialog documentId={documentId} />}
      <Link
        href={`/documents/${documentId}/history`}
        className="inline-flex min-h-11 items-center gap-2 rounded-lg border border-line bg-card px-4 py-2 font-semibold text-ink no-underline hover:bg-ember-50"
      >
        <History aria-hidden="true" className="size-4" />
        History
      </Link>
      <ExportMenu documentId={documentId} />
    </>
  );
}
