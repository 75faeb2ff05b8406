"use client";

import { useQuery } from "@tanstack/react-query";
import { X } from "lucide-react";
import { useState } from "react";
import type { PollForm } from "@/components/polls/poll-form-state";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { TextField } from "@/components/ui/text-field";
import { errorMessage } from "@/lib/trpc/error-message";
import { useTRPC } from "@/lib/trpc/client";

type Voter = PollForm["voters"][number];

/** "Who may vote": everyone in the group, or people chosen from the member directory. */
export function VoterPicker({
  groupId,
  chooseVoters,
  voters,
  update,
  error,
}: {
  groupId: string;
  chooseVoters: boolean;
  voters: Voter[];
  update: (patch: Partial<PollForm>) => void;
  error?: string;
}) {
  const trpc = useTRPC();
  const [search, setSearch] = useState("");
  const members = useQuery({ ...trpc.member.list.queryOptions({ groupId, search: search.trim() || undefined }), enabled: chooseVoters });
  const chosen = new Set(voters.map(({ id }) => id));
  const toggle = (voter: Voter) => update({ voters: chosen.has(voter.id) ? voters.filter(({ id }) => id !== voter.id) : [...voters, voter] });
  // Guests can vote only in polls of threads they were invited to; the server checks that.
  const candidates = (members.data?.items ?? []).filter((member) => member.role !== "guest");

  return (
    <fieldset className="flex min-w-0 flex-col gap-3">
      <legend className="mb-1 text-lg font-bold">Who may vote</legend>
      <div className="flex flex-col gap-2">
        <label className="flex items-center gap-3">
          <input type="radio" name="who-votes" checked={!chooseVoters} onChange={() => update({ chooseVoters: false })} className="size-5 accent-ember-700" />
          Everyone in the group
        </label>
        <label className="flex items-center gap-3">
          <input type="radio" name="who-votes" checked={chooseVoters} onChange={() => update({ chooseVoters: true })} className="size-5 accent-ember-700" />
          Chosen people
        </label>
      </div>
      {chooseVoters && (
        <div className="flex flex-col gap-3 rounded-lg border border-line p-3">
          {voters.length > 0 && (
            <ul aria-label="Chosen voters" className="flex flex-wrap gap-2">
              {voters.map((voter) => (
                <li key={voter.id} className="flex items-center gap-1 rounded-full bg-ember-50 py-0.5 pl-3 pr-1">
                  {voter.name}
                  <button type="button" onClick={() => toggle(voter)} aria-label={`Remove ${voter.name}`} className="grid size-8 place-items-center rounded-full hover:bg-ember-100">
                    <X aria-hidden="true" className="size-4" />
                  </button>
                </li>
              ))}
            </ul>
          )}
          {error && <p className="text-sm font-medium text-danger">{error}</p>}
          <TextField label="Find people" type="search" value={search} onChange={(event) => setSearch(event.target.value)} maxLength={100} />
          {members.error && <p className="text-danger">{errorMessage(members.error)}</p>}
          <div className="flex max-h-56 flex-col gap-2 overflow-y-auto">
            {candidates.map((member) => (
              <CheckboxField
                key={member.userId}
                label={member.name}
                hint={member.organisation?.name}
                checked={chosen.has(member.userId)}
                onChange={() => toggle({ id: member.userId, name: member.name })}
              />
            ))}
            {members.data && candidates.length === 0 && <p className="text-muted">Nobody found.</p>}
          </div>
        </div>
      )}
    </fieldset>
  );
}
