import type { SelectHTMLAttributes } from "react";
import { cn } from "@/components/ui/cn";
import { Field, type FieldProps } from "@/components/ui/field";

type SelectFieldProps = SelectHTMLAttributes<HTMLSelectElement> &
  FieldProps & { options: readonly { value: string; label: string }[] };

/** A labelled native select: fully keyboard and screen-reader friendly on every device. */
export function SelectField({ label, options, error, hint, className, id, ...props }: SelectFieldProps) {
  return (
    <Field label={label} error={error} hint={hint} id={id}>
      {(control) => (
        <select
          id={control.id}
          aria-invalid={control.invalid}
          aria-describedby={control.describedBy}
          className={cn("min-h-11 max-w-full rounded-lg border bg-card px-3 py-2 text-ink", control.borderClass, className)}
          {...props}
        >
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
