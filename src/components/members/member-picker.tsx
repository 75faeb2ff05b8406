"use client";

import { useQuery } from "@tanstack/react-query";
import { X } from "lucide-react";
import { useState } from "react";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { TextField } from "@/components/ui/text-field";
import { cn } from "@/components/ui/cn";
import { errorMessage } from "@/lib/trpc/error-message";
import { useTRPC } from "@/lib/trpc/client";

export type MemberChoice = { id: string; name: string };

/**
 * Chooses people from a group's member directory: the chosen ones as removable chips, a search,
 * and a checkbox per match. Guests are never offered; whether they may take part is the server's
 * call. Renders no container of its own, so each caller keeps its fieldset and wording.
 */
export function MemberPicker({
  groupId,
  chosen,
  onChange,
  chosenLabel,
  error,
  framed = false,
}: {
  groupId: string;
  chosen: MemberChoice[];
  onChange: (people: MemberChoice[]) => void;
  /** Accessible name of the list of chosen people, e.g. "Chosen voters". */
  chosenLabel: string;
  error?: string;
  /** Draws a border round the matches, for a picker not already inside a framed box. */
  framed?: boolean;
}) {
  const trpc = useTRPC();
  const [search, setSearch] = useState("");
  const members = useQuery(trpc.member.list.queryOptions({ groupId, search: search.trim() || undefined }));
  const chosenIds = new Set(chosen.map(({ id }) => id));
  const toggle = (person: MemberChoice) => onChange(chosenIds.has(person.id) ? chosen.filter(({ id }) => id !== person.id) : [...chosen, person]);
  const candidates = (members.data?.items ?? []).filter((member) => member.role !== "guest");

  return (
    <>
      {chosen.length > 0 && (
        <ul aria-label={chosenLabel} className="flex flex-wrap gap-2">
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
      <div className={cn("flex max-h-56 flex-col gap-2 overflow-y-auto", framed && "rounded-lg border border-line p-3")}>
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
    </>
  );
}
