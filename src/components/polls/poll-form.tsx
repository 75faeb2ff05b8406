"use client";

import { MeetingSelect } from "@/components/meetings/meeting-select";
import { OptionsEditor } from "@/components/polls/options-editor";
import { hasOptions, type PollForm } from "@/components/polls/poll-form-state";
import { PollSettingsFields } from "@/components/polls/poll-settings-fields";
import { VoterPicker } from "@/components/polls/voter-picker";
import { VotingRulesFields } from "@/components/polls/voting-rules-fields";
import { TextField } from "@/components/ui/text-field";
import { TitleField } from "@/components/ui/title-field";
import { TextareaField } from "@/components/ui/textarea-field";

type FieldErrors = Record<string, string[] | undefined> | null;

/** Step two of a new decision: the poll itself, prefilled from the chosen process. */
export function PollFormFields({
  groupId,
  form,
  update,
  fields,
  localError,
}: {
  groupId: string;
  form: PollForm;
  update: (patch: Partial<PollForm>) => void;
  fields: FieldErrors;
  localError: { field: "closingAt" | "options" | "opensAt"; message: string } | null;
}) {
  const errorFor = (field: "closingAt" | "options" | "opensAt") => (localError?.field === field ? localError.message : fields?.[field]?.[0]);
  return (
    <>
      <TitleField value={form.title} onChange={(event) => update({ title: event.target.value })} error={fields?.title?.[0]} required />
      <TextareaField
        label="Details (optional)"
        hint="Background, what you propose and why. Markdown works: **bold**, lists, [links](https://example.org)."
        value={form.details}
        onChange={(event) => update({ details: event.target.value })}
        error={fields?.details?.[0]}
        maxLength={10_000}
        rows={5}
      />
      {hasOptions(form.kind) && (
        <OptionsEditor
          kind={form.kind}
          rows={form.options.map((value, index) => ({ key: String(index), value }))}
          onChange={(rows) => update({ options: rows.map((row) => row.value) })}
          error={errorFor("options")}
        />
      )}
      <TextField
        label="Closes at"
        hint="In your time zone."
        type="datetime-local"
        value={form.closingAt}
        onChange={(event) => update({ closingAt: event.target.value })}
        error={errorFor("closingAt")}
        required
      />
      <MeetingSelect groupId={groupId} value={form.meetingId} onChange={(meetingId) => update({ meetingId })} error={fields?.meetingId?.[0]} />
      <PollSettingsFields form={form} update={update} fields={fields} />
      <VotingRulesFields form={form} update={update} fields={fields} opensAtError={errorFor("opensAt")} />
      <VoterPicker groupId={groupId} chooseVoters={form.chooseVoters} voters={form.voters} update={update} error={fields?.voterIds?.[0]} />
    </>
  );
}
