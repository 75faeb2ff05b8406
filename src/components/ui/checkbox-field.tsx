import { useId, type InputHTMLAttributes } from "react";

type CheckboxFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, "type"> & { label: string; hint?: string };

/** A native checkbox with its label beside it and an optional hint announced with it. */
export function CheckboxField({ label, hint, id, ...props }: CheckboxFieldProps) {
  const generatedId = useId();
  const inputId = id ?? generatedId;
  const hintId = hint ? `${inputId}-hint` : undefined;
  return (
    <div className="flex items-start gap-3">
      <input id={inputId} type="checkbox" aria-describedby={hintId} className="mt-1.5 size-5 shrink-0 accent-ember-700" {...props} />
      <div>
        <label htmlFor={inputId} className="font-semibold">
          {label}
        </label>
        {hint && (
          <p id={hintId} className="text-sm text-muted">
            {hint}
          </p>
        )}
      </div>
    </div>
  );
}
