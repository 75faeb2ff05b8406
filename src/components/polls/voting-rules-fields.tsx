"use client";

import type { PollForm } from "@/components/polls/poll-form-state";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";

type FieldErrors = Record<string, string[] | undefined> | null;

export type RulesState = Pick<PollForm, "quorumMode" | "quorumValue" | "thresholdRule" | "thresholdPercent" | "thresholdBase">;

const QUORUM_MODES = [
  { value: "none", label: "No quorum" },
  { value: "count", label: "A number of voters" },
  { value: "percent", label: "A share of eligible voters (%)" },
] as const;

const THRESHOLDS = [
  { value: "", label: "No threshold: report the result only" },
  { value: "simple_majority", label: "Simple majority (more than half)" },
  { value: "two_thirds", label: "Two thirds" },
  { value: "custom", label: "A share I choose (%)" },
] as const;
const NO_BLOCKS = { value: "no_blocks", label: "Passes with no blocks" } as const;

const BASES = [
  { value: "votes_cast", label: "Of votes cast" },
  { value: "eligible", label: "Of everyone eligible to vote" },
] as const;

/**
 * Quorum and threshold fields, shared by the new-poll form and the group's voting rule
 * defaults. `thresholdFor` says which thresholds fit: none, all but "no blocks", or all.
 */
export function QuorumThresholdFields({
  value,
  update,
  fields,
  thresholdFor,
}: {
  value: RulesState;
  update: (patch: Partial<RulesState>) => void;
  fields: FieldErrors;
  thresholdFor: "none" | "share" | "all";
}) {
  const thresholds = thresholdFor === "all" ? [...THRESHOLDS, NO_BLOCKS] : THRESHOLDS;
  return (
    <>
      <div className="flex flex-wrap items-end gap-4">
        <SelectField
          label="Quorum"
          hint="How many must vote for the result to count."
          value={value.quorumMode}
          onChange={(event) => update({ quorumMode: event.target.value as RulesState["quorumMode"] })}
          options={QUORUM_MODES}
        />
        {value.quorumMode !== "none" && (
          <TextField
            label={value.quorumMode === "count" ? "Voters needed" : "Percent of eligible voters"}
            type="number"
            inputMode="numeric"
            min={1}
            max={value.quorumMode === "percent" ? 100 : undefined}
            step={1}
            value={value.quorumValue}
            onChange={(event) => update({ quorumValue: event.target.value })}
            error={fields?.quorum?.[0]}
            className="w-32"
          />
        )}
      </div>
      {thresholdFor !== "none" && (
        <div className="flex flex-wrap items-end gap-4">
          <SelectField
            label="Threshold to pass"
            value={value.thresholdRule}
            onChange={(event) => update({ thresholdRule: event.target.value as RulesState["thresholdRule"] })}
            options={thresholds}
            error={fields?.threshold?.[0]}
          />
          {value.thresholdRule === "custom" && (
            <TextField
              label="Percent needed"
              type="number"
              inputMode="numeric"
              min={1}
              max={100}
              step={1}
              value={value.thresholdPercent}
              onChange={(event) => update({ thresholdPercent: event.target.value })}
              className="w-32"
            />
          )}
          {value.thresholdRule !== "" && value.thresholdRule !== "no_blocks" && (
            <SelectField
              label="Measured against"
              value={value.thresholdBase}
              onChange={(event) => update({ thresholdBase: event.target.value as RulesState["thresholdBase"] })}
              options={BASES}
            />
          )}
        </div>
      )}
    </>
  );
}

/** A checkbox for each option: its voters must give a reason. `value` holds lower-case names. */
export function ReasonCheckboxes({ names, value, onChange, error }: { names: string[]; value: string[]; onChange: (value: string[]) => void; error?: string }) {
  const toggle = (name: string, on: boolean) => onChange(on ? [...value.filter((other) => other !== name), name] : value.filter((other) => other !== name));
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="font-semibold">Reasons required for</legend>
      <div className="flex flex-wrap gap-x-6 gap-y-2">
        {names.map((name) => (
          <CheckboxField key={name} label={name} checked={value.includes(name.toLowerCase())} onChange={(event) => toggle(name.toLowerCase(), event.target.checked)} />
        ))}
      </div>
      {error && <p className="text-sm font-medium text-danger">{error}</p>}
    </fieldset>
  );
}

/** Which thresholds fit a kind of poll with these options. */
export function thresholdsFor(kind: PollForm["kind"], names: readonly string[], allowBlock: boolean): "none" | "share" | "all" {
  const hasBlock = allowBlock && names.some((name) => name.toLowerCase() === "block");
  return kind === "proposal" ? (hasBlock ? "all" : "share") : kind === "poll" || kind === "check" ? "share" : "none";
}

/** The new-poll form's voting rules: quorum, threshold, reasons for chosen options, and a scheduled opening. */
export function VotingRulesFields({
  form,
  update,
  fields,
  opensAtError,
}: {
  form: PollForm;
  update: (patch: Partial<PollForm>) => void;
  fields: FieldErrors;
  opensAtError?: string;
}) {
  const { kind } = form;
  const named = form.options.map((option) => option.trim()).filter(Boolean);
  const thresholdFor = thresholdsFor(kind, named, form.allowBlock);
  return (
    <fieldset className="flex min-w-0 flex-col gap-4">
      <legend className="mb-1 text-lg font-bold">Voting rules</legend>
      <QuorumThresholdFields value={form} update={update} fields={fields} thresholdFor={thresholdFor} />
      {kind !== "question" && kind !== "meeting" && !form.reasonRequired && named.length > 0 && (
        <ReasonCheckboxes names={named} value={form.reasonFor} onChange={(reasonFor) => update({ reasonFor })} error={fields?.requireReasonFor?.[0]} />
      )}
      <TextField
        label="Opens at (optional)"
        hint="Announce the poll now and take votes from this time, in your time zone. Voters are notified when it opens."
        type="datetime-local"
        value={form.opensAt}
        onChange={(event) => update({ opensAt: event.target.value })}
        error={opensAtError ?? fields?.opensAt?.[0]}
      />
    </fieldset>
  );
}
