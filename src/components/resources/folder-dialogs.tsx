"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { FolderPlus, Pencil, Trash2 } from "lucide-react";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { TitleField } from "@/components/ui/title-field";
import { useTRPC } from "@/lib/trpc/client";
import { errorMessage, fieldErrors } from "@/lib/trpc/error-message";

export function NewFolderDialog({ groupId, parentId }: { groupId: string; parentId: string | null }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const create = useMutation(
    trpc.folder.create.mutationOptions({
      onSuccess: async () => {
        setName("");
        setOpen(false);
        await queryClient.invalidateQueries(trpc.folder.pathFilter());
      },
    }),
  );
  const fields = fieldErrors(create.error);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ groupId, name, parentId });
  };
  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      title="New folder"
      trigger={
        <Button variant="secondary">
          <FolderPlus aria-hidden="true" className="size-5" /> New folder
        </Button>
      }
    >
      <form className="flex flex-col gap-4" onSubmit={onSubmit} noValidate>
        {create.error && !fields?.name && <Alert>{errorMessage(create.error)}</Alert>}
        <TitleField label="Folder name" noun="folder name" max={80} value={name} onChange={(event) => setName(event.target.value)} error={fields?.name?.[0]} />
        <Button type="submit" disabled={create.isPending}>
          {create.isPending ? "Creating…" : "Create folder"}
        </Button>
      </form>
    </Dialog>
  );
}

export function RenameFolderDialog({ folder }: { folder: { id: string; name: string } }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState(folder.name);
  const rename = useMutation(
    trpc.folder.rename.mutationOptions({
      onSuccess: async () => {
        setOpen(false);
        await queryClient.invalidateQueries(trpc.folder.pathFilter());
        await queryClient.invalidateQueries(trpc.resource.pathFilter());
      },
    }),
  );
  const fields = fieldErrors(rename.error);
  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      title={`Rename “${folder.name}”`}
      trigger={
        <Button variant="ghost">
          <Pencil aria-hidden="true" className="size-4" /> Rename folder
        </Button>
      }
    >
      <form
        className="flex flex-col gap-4"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          rename.mutate({ id: folder.id, name });
        }}
      >
        {rename.error && !fields?.name && <Alert>{errorMessage(rename.error)}</Alert>}
        <TitleField label="Folder name" noun="folder name" max={80} value={name} onChange={(event) => setName(event.target.value)} error={fields?.name?.[0]} />
        <Button type="submit" disabled={rename.isPending}>
          {rename.isPending ? "Saving…" : "Save name"}
        </Button>
      </form>
    </Dialog>
  );
}

/** Deletes an empty folder; the server refuses one with anything in it and says what is left. */
export function DeleteFolderDialog({ folder, onDeleted }: { folder: { id: string; name: string }; onDeleted: (parentId: string | null) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const remove = useMutation(
    trpc.folder.delete.mutationOptions({
      onSuccess: async ({ parentId }) => {
        setOpen(false);
        await queryClient.invalidateQueries(trpc.folder.pathFilter());
        onDeleted(parentId);
      },
    }),
  );
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) remove.reset();
      }}
      title={`Delete “${folder.name}”?`}
      description="Only an empty folder can be deleted."
      trigger={
        <Button variant="ghost">
          <Trash2 aria-hidden="true" className="size-4" /> Delete folder
        </Button>
      }
    >
      <div className="flex flex-col gap-4">
        {remove.error && <Alert>{errorMessage(remove.error)}</Alert>}
        <Button onClick={() => remove.mutate({ id: folder.id })} disabled={remove.isPending}>
          {remove.isPending ? "Deleting…" : "Delete folder"}
        </Button>
      </div>
    </Dialog>
  );
}
