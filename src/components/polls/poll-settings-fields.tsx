"use client";

import { METHOD_CHOICES, METHOD_EXPLANATIONS, STV_METHOD_CHOICES } from "@/components/polls/counting-method";
import { canAddOptions, hasOptions, type PollForm } from "@/components/polls/poll-form-state";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";

type FieldErrors = Record<string, string[] | undefined> | null;

const HIDE_RESULTS = [
  { value: "off", label: "Show results as votes arrive" },
  { value: "until_vote", label: "Hide until the person has voted" },
  { value: "until_closed", label: "Hide until the poll closes" },
] as const;

function NumberField({
  label,
  value,
  onChange,
  error,
  min,
  max,
  hint,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  min?: number;
  max?: number;
  hint?: string;
}) {
  return (
    <TextField
      label={label}
      hint={hint}
      type="number"
      inputMode="numeric"
      min={min}
      max={max}
      step={1}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      error={error}
      className="w-32"
    />
  );
}

/** The settings that apply to the chosen kind of poll. */
export function PollSettingsFields({ form, update, fields }: { form: PollForm; update: (patch: Partial<PollForm>) => void; fields: FieldErrors }) {
  const { kind } = form;
  return (
    <fieldset className="flex min-w-0 flex-col gap-4">
      <legend className="mb-1 text-lg font-bold">Settings</legend>
      {kind === "poll" && (
        <div className="flex flex-wrap gap-4">
          <NumberField label="Fewest choices" value={form.minChoices} onChange={(minChoices) => update({ minChoices })} error={fields?.minChoices?.[0]} min={1} />
          <NumberField label="Most choices" value={form.maxChoices} onChange={(maxChoices) => update({ maxChoices })} error={fields?.maxChoices?.[0]} min={1} />
        </div>
      )}
      {kind === "dot_vote" && (
        <NumberField label="Dots per person" value={form.dotsPerPerson} onChange={(dotsPerPerson) => update({ dotsPerPerson })} error={fields?.dotsPerPerson?.[0]} min={1} />
      )}
      {kind === "score" && (
        <div className="flex flex-wrap gap-4">
          <NumberField label="Lowest score" value={form.scoreMin} onChange={(scoreMin) => update({ scoreMin })} error={fields?.scoreMin?.[0]} />
          <NumberField label="Highest score" value={form.scoreMax} onChange={(scoreMax) => update({ scoreMax })} error={fields?.scoreMax?.[0]} />
        </div>
      )}
      {kind === "count" && (
        <NumberField label="Target number (optional)" value={form.countTarget} onChange={(countTarget) => update({ countTarget })} error={fields?.countTarget?.[0]} min={1} />
      )}
      {kind === "ranked_choice" && (
        <SelectField
          label="Counting method"
          hint={`${METHOD_EXPLANATIONS[form.countingMethod]} The method is fixed once the poll is created; results name its winner first.`}
          value={form.countingMethod}
          onChange={(event) => update({ countingMethod: event.target.value as PollForm["countingMethod"] })}
          options={METHOD_CHOICES}
          error={fields?.countingMethod?.[0]}
        />
      )}
      {kind === "stv" && (
        <>
          <NumberField
            label="Seats to fill"
            hint="How many of the options the election chooses: fewer than there are options."
            value={form.seats}
            onChange={(seats) => update({ seats })}
            error={fields?.seats?.[0]}
            min={1}
          />
          <SelectField
            label="Counting method"
            hint={`${METHOD_EXPLANATIONS[form.countingMethod]} The method is fixed once the election is created.`}
            value={form.countingMethod}
            onChange={(event) => update({ countingMethod: event.target.value as PollForm["countingMethod"] })}
            options={STV_METHOD_CHOICES}
            error={fields?.countingMethod?.[0]}
          />
        </>
      )}
      {kind === "proposal" && (
        <CheckboxField label="Allow blocks" hint="Turning this off removes the Block option." checked={form.allowBlock} onChange={(event) => update({ allowBlock: event.target.checked })} />
      )}
      <SelectField
        label="Results"
        value={form.hideResults}
        onChange={(event) => update({ hideResults: event.target.value as PollForm["hideResults"] })}
        options={HIDE_RESULTS}
      />
      <CheckboxField
        label="Anonymous votes"
        hint="Nobody, admins included, can see who voted what. Results stay hidden until the poll closes, and it cannot be reopened after."
        checked={form.anonymous}
        onChange={(event) => update({ anonymous: event.target.checked })}
      />
      <CheckboxField label="Allow people to change their vote" checked={form.allowChangeVote} onChange={(event) => update({ allowChangeVote: event.target.checked })} />
      {kind !== "question" && (
        <CheckboxField label="Require a reason with every vote" checked={form.reasonRequired} onChange={(event) => update({ reasonRequired: event.target.checked })} />
      )}
      <CheckboxField label="Show reasons with the results" checked={form.showReasons} onChange={(event) => update({ showReasons: event.target.checked })} />
      {canAddOptions(kind) && (
        <CheckboxField label="Voters may add options" checked={form.votersAddOptions} onChange={(event) => update({ votersAddOptions: event.target.checked })} />
      )}
      {kind === "poll" && (
        <CheckboxField label="Add “None of the above”" checked={form.noneOfTheAbove} onChange={(event) => update({ noneOfTheAbove: event.target.checked })} />
      )}
      {hasOptions(kind) && kind !== "meeting" && (
        <CheckboxField
          label="Shuffle the options"
          hint="Each person sees the options in their own order, so none gains from coming first."
          checked={form.shuffleOptions}
          onChange={(event) => update({ shuffleOptions: event.target.checked })}
        />
      )}
    </fieldset>
  );
}
