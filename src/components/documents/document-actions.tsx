"use client";

import { Ellipsis } from "lucide-react";
import { DocumentVersionActions } from "@/components/documents/history/document-version-actions";
import { InviteReaderDialog } from "@/components/documents/invite-reader-dialog";
import { RenameDocumentDialog } from "@/components/documents/rename-document-dialog";
import { Button } from "@/components/ui/button";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import type { RouterOutputs } from "@/lib/trpc/client";

type DocumentDetail = RouterOutputs["document"]["byId"];

function Actions({ document }: { document: DocumentDetail }) {
  return (
    <>
      <DocumentVersionActions documentId={document.id} canEdit={document.canEdit} />
      {document.canEdit && <RenameDocumentDialog documentId={document.id} title={document.title} />}
      {document.canInviteGuests && <InviteReaderDialog groupId={document.group.id} documentId={document.id} />}
    </>
  );
}

/**
 * The document's tools (versions, history, export, rename, invite). Beside the title on wider
 * screens; on a phone they fold into a "⋯" popover, so the text starts on the first screen. A
 * popover rather than a menu, because its entries open dialogs of their own and stay in reach
 * (focus comes back to them) when those close.
 */
export function DocumentActions({ document }: { document: DocumentDetail }) {
  return (
    <>
      <div className="hidden flex-wrap items-center gap-2 sm:flex">
        <Actions document={document} />
      </div>
      <div className="shrink-0 sm:hidden">
        <Popover>
          <PopoverTrigger asChild>
            <Button variant="secondary" aria-label="More document actions">
              <Ellipsis aria-hidden="true" className="size-5" />
            </Button>
          </PopoverTrigger>
          <PopoverContent aria-label="More document actions" className="flex w-64 flex-col items-stretch gap-2">
            <Actions document={document} />
          </PopoverContent>
        </Popover>
      </div>
    </>
  );
}
