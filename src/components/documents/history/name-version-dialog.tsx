"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { BookmarkPlus } from "lucide-react";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/text-field";
import { errorMessage, fieldErrors } from "@/lib/trpc/error-message";
import { useTRPC } from "@/lib/trpc/client";

/** Freezes the text as it reads now under a name, e.g. "Draft for the November meeting". */
export function NameVersionDialog({ documentId, onNamed }: { documentId: string; onNamed?: (versionId: string) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const [saved, setSaved] = useState<string | null>(null);
  const mutation = useMutation(
    trpc.document.nameVersion.mutationOptions({
      onSuccess: async ({ id }) => {
        setSaved(name.trim());
        setName("");
        setOpen(false);
        await queryClient.invalidateQueries({ queryKey: trpc.document.versions.queryKey({ id: documentId }) });
        onNamed?.(id);
      },
    }),
  );
  const errors = fieldErrors(mutation.error);
  return (
    <>
      <Dialog
        open={open}
        onOpenChange={(next) => {
          setOpen(next);
          if (next) mutation.reset();
        }}
        title="Name this version"
        description="The text as it reads now is kept under this name, unchanged by later edits. Named versions can be proposed for adoption."
        trigger={
          <Button variant="secondary">
            <BookmarkPlus aria-hidden="true" className="size-4" />
            Name this version
          </Button>
        }
      >
        <form
          className="flex flex-col gap-4"
          onSubmit={(event) => {
            event.preventDefault();
            mutation.mutate({ id: documentId, name });
          }}
        >
          <TextField
            label="Version name"
            value={name}
            maxLength={120}
            onChange={(event) => setName(event.target.value)}
            placeholder="Draft for the November meeting"
            error={errors?.name?.[0] ?? null}
            required
          />
          {mutation.error && !errors?.name ? <Alert>{errorMessage(mutation.error)}</Alert> : null}
          <div className="flex justify-end">
            <Button type="submit" disabled={mutation.isPending}>
              {mutation.isPending ? "Saving…" : "Save version"}
            </Button>
          </div>
        </form>
      </Dialog>
      {saved && (
        <p role="status" className="text-sm text-live">
          Saved the version “{saved}”.
        </p>
      )}
    </>
  );
}
