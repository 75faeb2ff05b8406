import type { TextareaHTMLAttributes } from "react";
import { cn } from "@/components/ui/cn";
import { Field, type FieldProps } from "@/components/ui/field";

type TextareaFieldProps = TextareaHTMLAttributes<HTMLTextAreaElement> & FieldProps;

/** A labelled multi-line input whose hint and error are announced with it. */
export function TextareaField({ label, error, hint, className, id, rows = 4, ...props }: TextareaFieldProps) {
  return (
    <Field label={label} error={error} hint={hint} id={id}>
      {(control) => (
        <textarea
          id={control.id}
          rows={rows}
          aria-invalid={control.invalid}
          aria-describedby={control.describedBy}
          className={cn("rounded-lg border bg-card px-3 py-2 text-ink", control.borderClass, className)}
          {...props}
        />
      )}
    </Field>
  );
}
