import type { InputHTMLAttributes } from "react";
import { cn } from "@/components/ui/cn";
import { Field, type FieldProps } from "@/components/ui/field";

type TextFieldProps = InputHTMLAttributes<HTMLInputElement> & FieldProps;

/** A labelled input whose error and hint are announced with it (aria-describedby). */
export function TextField({ label, error, hint, className, id, ...props }: TextFieldProps) {
  return (
    <Field label={label} error={error} hint={hint} id={id}>
      {(control) => (
        <input
          id={control.id}
          aria-invalid={control.invalid}
          aria-describedby={control.describedBy}
          className={cn("min-h-11 rounded-lg border bg-card px-3 py-2 text-ink", control.borderClass, className)}
          {...props}
        />
      )}
    </Field>
  );
}
