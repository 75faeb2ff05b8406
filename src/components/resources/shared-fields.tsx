"use client";

import { MeetingSelect } from "@/components/resources/meeting-select";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { TextField } from "@/components/ui/text-field";

export type SharedValues = { tags: string; meetingId: string; draft: boolean };

/** Tags, meeting and (for admins) "keep as a draft": the same for each thing added at once. */
export function SharedFields({
  groupId,
  values,
  onChange,
  canPublish,
  tagsError,
}: {
  groupId: string;
  values: SharedValues;
  onChange: (values: SharedValues) => void;
  canPublish: boolean;
  tagsError?: string;
}) {
  return (
    <>
      <TextField
        label="Tags (optional)"
        hint="Separate tags with spaces, e.g. #minutes #budget"
        value={values.tags}
        onChange={(event) => onChange({ ...values, tags: event.target.value })}
        error={tagsError}
      />
      <MeetingSelect groupId={groupId} value={values.meetingId} onChange={(meetingId) => onChange({ ...values, meetingId })} />
      {canPublish ? (
        <CheckboxField
          label="Keep as a draft"
          hint="Only admins see drafts. Publish later to tell the group."
          checked={values.draft}
          onChange={(event) => onChange({ ...values, draft: event.target.checked })}
        />
      ) : (
        <p className="text-sm text-muted">What you add is a draft until an admin publishes it.</p>
      )}
    </>
  );
}
