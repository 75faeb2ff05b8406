"use client";

import { useMutation } from "@tanstack/react-query";
import { Pencil } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { TitleField } from "@/components/ui/title-field";
import { errorMessage, fieldErrors } from "@/lib/trpc/error-message";
import { useTRPC } from "@/lib/trpc/client";

/** Renames the document; the page's title comes from the server, so it refreshes after. */
export function RenameDocumentDialog({ documentId, title: current }: { documentId: string; title: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState(current);
  const rename = useMutation(
    trpc.document.rename.mutationOptions({
      onSuccess: () => {
        setOpen(false);
        router.refresh();
      },
    }),
  );
  const titleError = fieldErrors(rename.error)?.title?.[0];

  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      title="Rename the document"
      trigger={
        <Button variant="secondary">
          <Pencil aria-hidden="true" className="size-4" /> Rename
        </Button>
      }
    >
      <form
        className="flex flex-col gap-4"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          rename.mutate({ id: documentId, title });
        }}
      >
        <TitleField value={title} onChange={(event) => setTitle(event.target.value)} error={titleError} />
        {rename.error && !titleError && <Alert>{errorMessage(rename.error)}</Alert>}
        <Button type="submit" disabled={rename.isPending}>
          {rename.isPending ? "Renaming…" : "Rename"}
        </Button>
      </form>
    </Dialog>
  );
}
