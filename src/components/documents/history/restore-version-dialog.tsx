"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { RotateCcw } from "lucide-react";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { errorMessage } from "@/lib/trpc/error-message";
import { useTRPC } from "@/lib/trpc/client";

/** Asks before bringing an old version back; the restore is a new change, so it can be undone by restoring again. */
export function RestoreVersionDialog({
  documentId,
  version,
  onRestored,
}: {
  documentId: string;
  version: { id: string; label: string };
  onRestored: (versionId: string) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const restore = useMutation(
    trpc.document.restore.mutationOptions({
      onSuccess: async ({ id }) => {
        setOpen(false);
        await queryClient.invalidateQueries(trpc.document.pathFilter());
        onRestored(id);
      },
    }),
  );
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) restore.reset();
      }}
      title={`Restore “${version.label}”?`}
      description="The document will read exactly like this version again, for everyone editing it now. Nothing is lost: the current text stays in the history, and you can restore it the same way."
      trigger={
        <Button variant="secondary">
          <RotateCcw aria-hidden="true" className="size-4" />
          Restore this version
        </Button>
      }
    >
      {restore.error ? <Alert>{errorMessage(restore.error)}</Alert> : null}
      <div className="mt-4 flex flex-wrap justify-end gap-2">
        <Button variant="secondary" onClick={() => setOpen(false)}>
          Cancel
        </Button>
        <Button onClick={() => restore.mutate({ id: documentId, versionId: version.id })} disabled={restore.isPending}>
          {restore.isPending ? "Restoring…" : "Restore"}
        </Button>
      </div>
    </Dialog>
  );
}
