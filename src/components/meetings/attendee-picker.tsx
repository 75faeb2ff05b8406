"use client";

import { useQuery } from "@tanstack/react-query";
import { X } from "lucide-react";
import { useState } from "react";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { TextField } from "@/components/ui/text-field";
import { errorMessage } from "@/lib/trpc/error-message";
import { useTRPC } from "@/lib/trpc/client";

export type PersonChoice = { id: string; name: string };

/** Chooses attendees from the group's members and admins (guests cannot see meetings). */
export function AttendeePicker({
  groupId,
  chosen,
  onChange,
  error,
}: {
  groupId: string;
  chosen: PersonChoice[];
  onChange: (people: PersonChoice[]) => void;
  error?: string;
}) {
  const trpc = useTRPC();
  const [search, setSearch] = useState("");
  const members = useQuery(trpc.member.list.queryOptions({ groupId, search: search.trim() || undefined }));
  const chosenIds = new Set(chosen.map(({ id }) => id));
  const toggle = (person: PersonChoice) =>
    onChange(chosenIds.has(person.id) ? chosen.filter(({ id }) => id !== person.id) : [...chosen, person]);
  const candidates = (members.data?.items ?? []).filter((member) => member.role !== "guest");

  return (
    <fieldset className="flex min-w-0 flex-col gap-3">
      <legend className="mb-1 font-semibold">Attendees (optional)</legend>
      <p className="text-sm text-muted">Attendees hear about changes and minutes. Leave empty for a meeting open to the whole group.</p>
      {chosen.length > 0 && (
        <ul aria-label="Chosen attendees" className="flex flex-wrap gap-2">
          {chosen.map((person) => (
            <li key={person.id} className="flex items-center gap-1 rounded-full bg-ember-50 py-0.5 pl-3 pr-1">
              {person.name}
              <button
                type="button"
                onClick={() => toggle(person)}
                aria-label={`Remove ${person.name}`}
                className="grid size-8 place-items-center rounded-full hover:bg-ember-100"
              >
                <X aria-hidden="true" className="size-4" />
              </button>
            </li>
          ))}
        </ul>
      )}
      {error && <p className="text-sm font-medium text-danger">{error}</p>}
      <TextField label="Find people" type="search" value={search} onChange={(event) => setSearch(event.target.value)} maxLength={100} />
      {members.error && <p className="text-danger">{errorMessage(members.error)}</p>}
      <div className="flex max-h-56 flex-col gap-2 overflow-y-auto rounded-lg border border-line p-3">
        {candidates.map((member) => (
          <CheckboxField
            key={member.userId}
            label={member.name}
            hint={member.organisation?.name}
            checked={chosenIds.has(member.userId)}
            onChange={() => toggle({ id: member.userId, name: member.name })}
          />
        ))}
        {members.data && candidates.length === 0 && <p className="text-muted">Nobody found.</p>}
      </div>
    </fieldset>
  );
}
