"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { options, RELATIONSHIPS, SECTORS } from "@/components/stakeholders/labels";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { TextareaField } from "@/components/ui/textarea-field";
import { errorMessage, fieldErrors } from "@/lib/trpc/error-message";
import { useTRPC, type RouterOutputs } from "@/lib/trpc/client";
import {
  MAX_STAKEHOLDER_NAME,
  MAX_STAKEHOLDER_NOTES,
  type StakeholderRelationship,
  type StakeholderSector,
} from "@/server/stakeholders/schemas";

type Stakeholder = RouterOutputs["stakeholder"]["list"]["stakeholders"][number];
type Kind = Stakeholder["kind"];

const SECTOR_OPTIONS = (Object.keys(SECTORS) as StakeholderSector[]).map((value) => ({ value, label: SECTORS[value].label }));
const KIND_OPTIONS = [
  { value: "organisation", label: "Organisation" },
  { value: "person", label: "Person" },
];

/** The organisation, if any, from Hearth's list of organisations: searched by name, as there may be many. */
function OrganisationSelect({ value, current, onChange }: { value: string; current: Stakeholder["organisation"]; onChange: (id: string) => void }) {
  const trpc = useTRPC();
  const [search, setSearch] = useState("");
  const found = useQuery({ ...trpc.organisation.list.queryOptions({ search: search.trim() || undefined }), placeholderData: keepPreviousData });
  const items = found.data?.items ?? [];
  const choices = [...(current && !items.some(({ id }) => id === current.id) ? [current] : []), ...items];
  return (
    <div className="flex flex-col gap-2">
      <TextField label="Find an organisation" type="search" value={search} onChange={(event) => setSearch(event.target.value)} hint="Type part of its name." />
      <SelectField
        label="Hearth organisation"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        options={[{ value: "", label: "None" }, ...choices.map(({ id, name }) => ({ value: id, label: name }))]}
      />
    </div>
  );
}

/** The initiative of the group's directory this stakeholder runs, if any. */
function InitiativeSelect({ groupId, value, current, onChange }: { groupId: string; value: string; current: Stakeholder["initiative"]; onChange: (id: string) => void }) {
  const trpc = useTRPC();
  const initiatives = useQuery(trpc.initiative.list.queryOptions({ groupId }));
  const items = (initiatives.data?.items ?? []).map(({ id, name }) => ({ id, name }));
  const choices = [...(current && !items.some(({ id }) => id === current.id) ? [current] : []), ...items];
  return (
    <SelectField
      label="Initiative it runs"
      value={value}
      onChange={(event) => onChange(event.target.value)}
      options={[{ value: "", label: "None" }, ...choices.map(({ id, name }) => ({ value: id, label: name }))]}
      hint="From the group's directory of initiatives."
    />
  );
}

/** Adds a stakeholder, or changes or deletes one (admins only); the map refetches after each. */
export function StakeholderForm({ groupId, stakeholder, onDone }: { groupId: string; stakeholder: Stakeholder | null; onDone: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [name, setName] = useState(stakeholder?.name ?? "");
  const [kind, setKind] = useState<Kind>(stakeholder?.kind ?? "organisation");
  const [sector, setSector] = useState<StakeholderSector>(stakeholder?.sector ?? "third_sector");
  const [relationship, setRelationship] = useState<StakeholderRelationship>(stakeholder?.relationship ?? "partner");
  const [organisationId, setOrganisationId] = useState(stakeholder?.organisation?.id ?? "");
  const [initiativeId, setInitiativeId] = useState(stakeholder?.initiative?.id ?? "");
  const [notes, setNotes] = useState(stakeholder?.notes ?? "");
  const [confirmDelete, setConfirmDelete] = useState(false);
  const refresh = () => queryClient.invalidateQueries(trpc.stakeholder.list.pathFilter());
  const save = useMutation(trpc.stakeholder.upsert.mutationOptions({ onSuccess: async () => { await refresh(); onDone(); } }));
  const remove = useMutation(trpc.stakeholder.delete.mutationOptions({ onSuccess: async () => { await refresh(); onDone(); } }));
  const errors = fieldErrors(save.error);
  const title = stakeholder ? `Edit ${stakeholder.name}` : "Add a stakeholder";

  return (
    <form
      aria-label={title}
      className="flex flex-col gap-4 rounded-lg border border-line bg-card p-4"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate({ groupId, ...(stakeholder && { id: stakeholder.id }), name, kind, sector, relationship, organisationId: organisationId || null, initiativeId: initiativeId || null, notes });
      }}
    >
      <h3 className="text-lg font-bold">{title}</h3>
      {save.error && !errors && <Alert>{errorMessage(save.error)}</Alert>}
      {remove.error && <Alert>{errorMessage(remove.error)}</Alert>}
      <TextField label="Name" value={name} required maxLength={MAX_STAKEHOLDER_NAME} onChange={(event) => setName(event.target.value)} error={errors?.name?.[0]} />
      <SelectField label="Kind" value={kind} onChange={(event) => setKind(event.target.value as Kind)} options={KIND_OPTIONS} />
      <SelectField label="Sector" value={sector} onChange={(event) => setSector(event.target.value as StakeholderSector)} options={SECTOR_OPTIONS} />
      <SelectField
        label="Relationship"
        value={relationship}
        onChange={(event) => setRelationship(event.target.value as StakeholderRelationship)}
        options={options(RELATIONSHIPS)}
        hint="Core sits in the centre of the map, then partners, supporters, and those to approach."
      />
      <OrganisationSelect value={organisationId} current={stakeholder?.organisation ?? null} onChange={setOrganisationId} />
      <TextareaField label="Notes" value={notes} maxLength={MAX_STAKEHOLDER_NOTES} onChange={(event) => setNotes(event.target.value)} error={errors?.notes?.[0]} rows={3} />
      <InitiativeSelect groupId={groupId} value={initiativeId} current={stakeholder?.initiative ?? null} onChange={setInitiativeId} />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={save.isPending}>
          {stakeholder ? "Save changes" : "Add to the map"}
        </Button>
        <Button variant="secondary" onClick={onDone}>
          Cancel
        </Button>
      </div>
      {stakeholder &&
        (confirmDelete ? (
          <div className="flex flex-wrap items-center gap-3">
            <p>Delete {stakeholder.name} and its links from the map?</p>
            <Button onClick={() => remove.mutate({ id: stakeholder.id })} disabled={remove.isPending}>
              {remove.isPending ? "Deleting…" : "Delete stakeholder"}
            </Button>
            <Button variant="ghost" onClick={() => setConfirmDelete(false)}>
              Keep it
            </Button>
          </div>
        ) : (
          <Button variant="ghost" className="self-start text-danger" onClick={() => setConfirmDelete(true)}>
            Delete this stakeholder…
          </Button>
        ))}
    </form>
  );
}
