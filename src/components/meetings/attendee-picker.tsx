"use client";

import { type MemberChoice, MemberPicker } from "@/components/members/member-picker";

/** Chooses attendees from the group's members and admins (guests cannot see meetings). */
export function AttendeePicker({
  groupId,
  chosen,
  onChange,
  error,
}: {
  groupId: string;
  chosen: MemberChoice[];
  onChange: (people: MemberChoice[]) => void;
  error?: string;
}) {
  return (
    <fieldset className="flex min-w-0 flex-col gap-3">
      <legend className="mb-1 font-semibold">Attendees (optional)</legend>
      <p className="text-sm text-muted">Attendees hear about changes and minutes. Leave empty for a meeting open to the whole group.</p>
      <MemberPicker groupId={groupId} chosen={chosen} onChange={onChange} chosenLabel="Chosen attendees" error={error} framed />
    </fieldset>
  );
}
