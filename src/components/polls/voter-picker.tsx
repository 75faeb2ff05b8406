"use client";

import { MemberPicker } from "@/components/members/member-picker";
import type { PollForm } from "@/components/polls/poll-form-state";

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
  voters: PollForm["voters"];
  update: (patch: Partial<PollForm>) => void;
  error?: string;
}) {
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
          {/* Guests can vote only in polls of threads they were invited to; the server checks that. */}
          <MemberPicker groupId={groupId} chosen={voters} onChange={(chosen) => update({ voters: chosen })} chosenLabel="Chosen voters" error={error} />
        </div>
      )}
    </fieldset>
  );
}
