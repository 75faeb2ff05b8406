"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Pencil, Plus } from "lucide-react";
import { useState, type FormEvent } from "react";
import { OrganisationSelect } from "@/components/initiatives/organisation-select";
import { ThreadChecklist } from "@/components/initiatives/thread-checklist";
import { formatTags, parseTags } from "@/components/threads/tags";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/text-field";
import { TextareaField } from "@/components/ui/textarea-field";
import { useTRPC, type RouterOutputs } from "@/lib/trpc/client";
import { errorMessage, fieldErrors } from "@/lib/trpc/error-message";

type Initiative = RouterOutputs["initiative"]["list"]["items"][number];

type Values = {
  name: string;
  description: string;
  organisationId: string;
  contact: string;
  area: string;
  website: string;
  tags: string;
  threadIds: string[];
};

function valuesOf(initiative: Initiative | null): Values {
  return {
    name: initiative?.name ?? "",
    description: initiative?.description ?? "",
    organisationId: initiative?.organisation?.id ?? "",
    contact: initiative?.contact ?? "",
    area: initiative?.area ?? "",
    website: initiative?.website ?? "",
    tags: formatTags(initiative?.tags ?? []),
    threadIds: initiative?.threads.map(({ id }) => id) ?? [],
  };
}

/** Adds an initiative to the directory (no `initiative`) or edits one, with its organisation, tags and discussions. */
export function InitiativeFormDialog({ groupId, initiative = null }: { groupId: string; initiative?: Initiative | null }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState<Values>(() => valuesOf(initiative));
  const set = <K extends keyof Values>(key: K, value: Values[K]) => setValues((current) => ({ ...current, [key]: value }));
  const onSuccess = async () => {
    setOpen(false);
    if (!initiative) setValues(valuesOf(null));
    await queryClient.invalidateQueries(trpc.initiative.pathFilter());
  };
  const create = useMutation(trpc.initiative.create.mutationOptions({ onSuccess }));
  const update = useMutation(trpc.initiative.update.mutationOptions({ onSuccess }));
  const mutation = initiative ? update : create;
  const fields = fieldErrors(mutation.error);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const input = {
      name: values.name,
      description: values.description,
      organisationId: values.organisationId || null,
      contact: values.contact,
      area: values.area,
      website: values.website,
      tags: parseTags(values.tags),
      threadIds: values.threadIds,
    };
    if (initiative) update.mutate({ id: initiative.id, ...input });
    else create.mutate({ groupId, ...input });
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        // Editing starts from the initiative as it is now; after a refused save it keeps what was typed.
        if (next && initiative && !update.error) setValues(valuesOf(initiative));
      }}
      title={initiative ? `Edit “${initiative.name}”` : "Add an initiative"}
      trigger={
        initiative ? (
          <Button variant="secondary" aria-label={`Edit ${initiative.name}`}>
            <Pencil aria-hidden="true" className="size-5" /> Edit
          </Button>
        ) : (
          <Button>
            <Plus aria-hidden="true" className="size-5" /> Add initiative
          </Button>
        )
      }
    >
      <form className="flex flex-col gap-4" onSubmit={onSubmit} noValidate>
        {mutation.error && !fields && <Alert>{errorMessage(mutation.error)}</Alert>}
        <TextField label="Name" value={values.name} onChange={(event) => set("name", event.target.value)} error={fields?.name?.[0]} maxLength={120} />
        {open && (
          <OrganisationSelect value={values.organisationId} current={initiative?.organisation ?? null} onChange={(id) => set("organisationId", id)} />
        )}
        <TextField
          label="Area (optional)"
          hint="Where it works, e.g. Keynsham or the Chew Valley"
          value={values.area}
          onChange={(event) => set("area", event.target.value)}
          error={fields?.area?.[0]}
        />
        <TextField
          label="Contact (optional)"
          hint="An email address or phone number; only the group's members see it"
          value={values.contact}
          onChange={(event) => set("contact", event.target.value)}
          error={fields?.contact?.[0]}
        />
        <TextField
          label="Website (optional)"
          type="url"
          inputMode="url"
          placeholder="https://"
          value={values.website}
          onChange={(event) => set("website", event.target.value)}
          error={fields?.website?.[0]}
        />
        <TextareaField
          label="Description (optional)"
          hint="Markdown works here"
          rows={4}
          value={values.description}
          onChange={(event) => set("description", event.target.value)}
          error={fields?.description?.[0]}
        />
        <TextField
          label="Tags (optional)"
          hint="Separate tags with spaces, e.g. #befriending #rural"
          value={values.tags}
          onChange={(event) => set("tags", event.target.value)}
          error={fields?.tags?.[0]}
        />
        {open && (
          <ThreadChecklist
            groupId={groupId}
            linked={initiative?.threads ?? []}
            value={values.threadIds}
            onChange={(ids) => set("threadIds", ids)}
            error={fields?.threadIds?.[0]}
          />
        )}
        <Button type="submit" disabled={mutation.isPending}>
          {mutation.isPending ? "Saving…" : initiative ? "Save initiative" : "Add initiative"}
        </Button>
      </form>
    </Dialog>
  );
}
