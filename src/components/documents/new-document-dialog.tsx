"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { FilePlus } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { TitleField } from "@/components/ui/title-field";
import { errorMessage, fieldErrors } from "@/lib/trpc/error-message";
import { useTRPC } from "@/lib/trpc/client";

/** "New document": asks for a title, then opens the empty document to write in. */
export function NewDocumentDialog({ groupId }: { groupId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [title, setTitle] = useState("");
  const create = useMutation(
    trpc.document.create.mutationOptions({
      onSuccess: ({ id }) => {
        void queryClient.invalidateQueries(trpc.document.list.pathFilter());
        router.push(`/documents/${id}`);
      },
    }),
  );
  const titleError = fieldErrors(create.error)?.title?.[0];

  return (
    <Dialog
      title="New document"
      trigger={
        <Button>
          <FilePlus aria-hidden="true" className="size-5" /> New document
        </Button>
      }
    >
      <form
        className="flex flex-col gap-4"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate({ groupId, title });
        }}
      >
        <TitleField
          hint="Start it with “Vision” to list it first, as the group's vision document."
          value={title}
          onChange={(event) => setTitle(event.target.value)}
          error={titleError}
        />
        {create.error && !titleError && <Alert>{errorMessage(create.error)}</Alert>}
        <Button type="submit" disabled={create.isPending}>
          {create.isPending ? "Creating…" : "Create the document"}
        </Button>
      </form>
    </Dialog>
  );
}
