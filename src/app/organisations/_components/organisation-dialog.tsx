"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Pencil, Plus } from "lucide-react";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { Dialog } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/text-field";
import { TextareaField } from "@/components/ui/textarea-field";
import { ImageUploadField } from "@/app/_components/image-upload-field";
import { useTRPC, type RouterOutputs } from "@/lib/trpc/client";
import { errorMessage, fieldErrors } from "@/lib/trpc/error-message";

type Organisation = RouterOutputs["organisation"]["list"]["items"][number];

/** A calendar date from a date input, kept at midnight UTC so it reads the same everywhere. */
function parseDay(value: string): Date | null {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : null;
}

/** Creates an organisation, or edits `organisation` when given. */
export function OrganisationDialog({ organisation }: { organisation?: Organisation }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [signed, setSigned] = useState(organisation?.signedCharter ?? false);
  const [logoId, setLogoId] = useState<string | null | undefined>(undefined);
  const create = useMutation(trpc.organisation.create.mutationOptions());
  const update = useMutation(trpc.organisation.update.mutationOptions());
  const mutation = organisation ? update : create;
  const errors = fieldErrors(mutation.error);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const fields = {
      name: String(form.get("name") ?? ""),
      website: String(form.get("website") ?? ""),
      description: String(form.get("description") ?? ""),
      signedCharter: signed,
      charterSignedOn: signed ? parseDay(String(form.get("charterSignedOn") ?? "")) : null,
      logoId,
    };
    try {
      if (organisation) await update.mutateAsync({ id: organisation.id, ...fields });
      else await create.mutateAsync(fields);
    } catch {
      return; // shown from the mutation's error; the form keeps what was typed
    }
    await queryClient.invalidateQueries({ queryKey: trpc.organisation.list.pathKey() });
    setOpen(false);
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) {
          mutation.reset();
          setLogoId(undefined);
          setSigned(organisation?.signedCharter ?? false);
        }
      }}
      title={organisation ? `Edit ${organisation.name}` : "New organisation"}
      trigger={
        organisation ? (
          <Button variant="secondary" aria-label={`Edit ${organisation.name}`}>
            <Pencil aria-hidden="true" className="size-4" />
            Edit
          </Button>
        ) : (
          <Button>
            <Plus aria-hidden="true" className="size-5" />
            New organisation
          </Button>
        )
      }
    >
      <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
        {mutation.error && !errors && <Alert>{errorMessage(mutation.error)}</Alert>}
        <TextField label="Name" name="name" defaultValue={organisation?.name} required maxLength={120} error={errors?.name?.[0]} />
        <TextField
          label="Website (optional)"
          name="website"
          type="url"
          defaultValue={organisation?.website}
          placeholder="https://"
          error={errors?.website?.[0]}
        />
        <TextareaField
          label="Description (optional)"
          name="description"
          defaultValue={organisation?.description}
          maxLength={2000}
          error={errors?.description?.[0]}
        />
        <ImageUploadField label="Logo (optional)" initialUrl={organisation?.logoUrl ?? null} onChange={setLogoId} />
        <CheckboxField label="Has signed the charter" checked={signed} onChange={(event) => setSigned(event.target.checked)} />
        {signed && (
          <TextField
            label="Date signed (optional)"
            name="charterSignedOn"
            type="date"
            defaultValue={organisation?.charterSignedOn?.toISOString().slice(0, 10)}
            error={errors?.charterSignedOn?.[0]}
          />
        )}
        <Button type="submit" disabled={mutation.isPending}>
          {mutation.isPending ? "Saving…" : organisation ? "Save changes" : "Create organisation"}
        </Button>
      </form>
    </Dialog>
  );
}
