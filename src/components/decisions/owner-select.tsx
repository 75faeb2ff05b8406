"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { useTRPC } from "@/lib/trpc/client";

/**
 * Chooses one of the group's members or admins (never guests) as a decision's owner; a group
 * bigger than one page of the directory gets a search too. `emptyLabel` names the choice of nobody.
 */
export function OwnerSelect({
  groupId,
  label,
  value,
  current,
  onChange,
  emptyLabel,
  error,
}: {
  groupId: string;
  label: string;
  value: string;
  /** The person chosen now, shown even when the search leaves them out. */
  current?: { id: string; name: string } | null;
  onChange: (ownerId: string) => void;
  emptyLabel: string;
  error?: string;
}) {
  const trpc = useTRPC();
  const [search, setSearch] = useState("");
  const members = useQuery(trpc.member.list.queryOptions({ groupId, search: search.trim() || undefined }));
  const people = (members.data?.items ?? []).filter((member) => member.role !== "guest").map((member) => ({ id: member.userId, name: member.name }));
  if (current && !people.some((person) => person.id === current.id)) people.unshift(current);
  return (
    <div className="flex flex-col gap-2">
      <SelectField
        label={label}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        options={[{ value: "", label: emptyLabel }, ...people.map((person) => ({ value: person.id, label: person.name }))]}
        error={error}
      />
      {(search !== "" || members.data?.nextCursor) && (
        <TextField label={`Find someone for “${label}”`} type="search" value={search} onChange={(event) => setSearch(event.target.value)} />
      )}
    </div>
  );
}
