"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { useTRPC } from "@/lib/trpc/client";

type Organisation = { id: string; name: string };

/** The organisation running an initiative: searched by name, since there may be many; "" for none. */
export function OrganisationSelect({ value, current, onChange }: { value: string; current: Organisation | null; onChange: (id: string) => void }) {
  const trpc = useTRPC();
  const [search, setSearch] = useState("");
  const organisations = useQuery({
    ...trpc.organisation.list.queryOptions({ search: search.trim() || undefined }),
    placeholderData: keepPreviousData,
  });
  const found = organisations.data?.items ?? [];
  const options = [{ value: "", label: "No organisation" }, ...found.map(({ id, name }) => ({ value: id, label: name }))];
  // The one chosen stays selectable when a search no longer lists it.
  if (current && value === current.id && !found.some(({ id }) => id === current.id)) options.push({ value: current.id, label: current.name });
  return (
    <div className="grid gap-3 sm:grid-cols-2 sm:items-end">
      <TextField label="Find an organisation" type="search" value={search} onChange={(event) => setSearch(event.target.value)} hint="Type part of its name" />
      <SelectField label="Run by" value={value} onChange={(event) => onChange(event.target.value)} options={options} />
    </div>
  );
}
