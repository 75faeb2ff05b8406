import { useId, type ReactNode } from "react";
import { cn } from "@/components/ui/cn";

export type FieldProps = { label: string; error?: string | null; hint?: string; id?: string };

/** What a labelled control needs: its id, and the ids that announce its hint and error with it. */
export type FieldControl = { id: string; invalid: true | undefined; describedBy: string | undefined; borderClass: string };

/**
 * The label, hint and error around one form control, wired for screen readers. The control
 * itself comes from `children`, which receives the ids and state to put on it.
 */
export function Field({ label, error, hint, id, children }: FieldProps & { children: (control: FieldControl) => ReactNode }) {
  const generatedId = useId();
  const controlId = id ?? generatedId;
  const hintId = hint ? `${controlId}-hint` : undefined;
  const errorId = error ? `${controlId}-error` : undefined;
  return (
    // Never wider than its row: a select sizes itself to its longest option, which on a phone can be wider than the screen.
    <div className="flex min-w-0 max-w-full flex-col gap-1">
      <label htmlFor={controlId} className="font-semibold">
        {label}
      </label>
      {hint && (
        <p id={hintId} className="text-sm text-muted">
          {hint}
        </p>
      )}
      {children({
        id: controlId,
        invalid: error ? true : undefined,
        describedBy: [hintId, errorId].filter(Boolean).join(" ") || undefined,
        borderClass: cn(error ? "border-danger" : "border-line"),
      })}
      {error && (
        <p id={errorId} className="text-sm font-medium text-danger">
          {error}
        </p>
      )}
    </div>
  );
}
