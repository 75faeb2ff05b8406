"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Plus } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/text-field";
import { TextareaField } from "@/components/ui/textarea-field";
import { useTRPC } from "@/lib/trpc/client";
import { errorMessage, fieldErrors } from "@/lib/trpc/error-message";

/** Creates a top-level group, or a subgroup of `parent`, and opens it. */
export function NewGroupDialog({ parent }: { parent?: { id: string; name: string } }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const create = useMutation(trpc.group.create.mutationOptions());
  const errors = fieldErrors(create.error);
  const noun = parent ? "subgroup" : "group";

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const handle = String(form.get("handle") ?? "").trim();
    try {
      const group = await create.mutateAsync({
        name: String(form.get("name") ?? ""),
        handle: handle || undefined,
        description: String(form.get("description") ?? ""),
        parentId: parent?.id,
      });
      await queryClient.invalidateQueries({ queryKey: trpc.group.list.queryKey() });
      setOpen(false);
      router.push(`/groups/${group.handle}`);
    } catch {
      // shown from create.error; the form keeps what was typed
    }
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) create.reset();
      }}
      title={parent ? `New subgroup of ${parent.name}` : "New group"}
      description={parent ? "You become its admin. Its members must also be members of the parent group." : "You become its admin."}
      trigger={
        <Button>
          <Plus aria-hidden="true" className="size-5" />
          New {noun}
        </Button>
      }
    >
      <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
        {create.error && !errors && <Alert>{errorMessage(create.error)}</Alert>}
        <TextField label="Name" name="name" required maxLength={80} error={errors?.name?.[0]} />
        <TextField
          label="Handle (optional)"
          name="handle"
          hint="Used in the group's web address. Leave empty to make one from the name."
          autoCapitalize="none"
          spellCheck={false}
          error={errors?.handle?.[0]}
        />
        <TextareaField label="Description (optional)" name="description" hint="Markdown: **bold**, *italic*, lists and links." error={errors?.description?.[0]} />
        <Button type="submit" disabled={create.isPending}>
          {create.isPending ? "Creating…" : `Create ${noun}`}
        </Button>
      </form>
    </Dialog>
  );
}
