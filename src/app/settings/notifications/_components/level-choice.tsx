"use client";

import { useId } from "react";
import { Alert } from "@/components/ui/alert";
import { LEVEL_SENTENCES } from "@/server/notifications/levels";

export type Level = "all" | "important" | "digest" | "none";
export type Choice = Level | "inherit";

/** Each level as a sentence, with an example of what it sends. */
type Option<Value> = { value: Value; label: string; example: string };

export const LEVEL_OPTIONS: Option<Level>[] = (["all", "important", "digest", "none"] as const).map((value) => ({
  value,
  ...LEVEL_SENTENCES[value],
}));

export const labelOf = (level: Level) => LEVEL_SENTENCES[level].label;

type Props = {
  legend: string;
  value: Choice;
  /** Offered for groups: follow the account setting, described by `inheritedLabel`. */
  inheritedLabel?: string;
  onChange: (choice: Choice) => void;
  status: "idle" | "saving" | "saved";
  error: string | null;
};

/** One radio group of email levels that saves as soon as it changes. */
export function LevelChoice({ legend, value, inheritedLabel, onChange, status, error }: Props) {
  const name = useId();
  const options: Option<Choice>[] = [
    ...(inheritedLabel ? [{ value: "inherit" as const, label: "Same as my account setting", example: `Currently: “${inheritedLabel}”` }] : []),
    ...LEVEL_OPTIONS,
  ];
  return (
    <fieldset className="flex flex-col gap-3 rounded-xl border border-line bg-card p-5">
      <legend className="px-1 text-xl font-bold">{legend}</legend>
      {options.map((option) => {
        const id = `${name}-${option.value}`;
        return (
          <div key={option.value} className="flex items-start gap-3">
            <input
              id={id}
              type="radio"
              name={name}
              value={option.value}
              checked={value === option.value}
              onChange={() => onChange(option.value)}
              aria-describedby={`${id}-example`}
              className="mt-1.5 size-5 shrink-0 accent-ember-700"
            />
            <div>
              <label htmlFor={id} className="font-semibold">
                {option.label}
              </label>
              <p id={`${id}-example`} className="text-sm text-muted">
                {option.example}
              </p>
            </div>
          </div>
        );
      })}
      <p role="status" className="min-h-6 text-sm font-semibold text-ember-800">
        {status === "saving" ? "Saving…" : status === "saved" ? "Saved" : ""}
      </p>
      {error && <Alert>{error}</Alert>}
    </fieldset>
  );
}
