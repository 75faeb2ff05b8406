import type { InputHTMLAttributes } from "react";
import { cn } from "@/components/ui/cn";
import { Field, type FieldProps } from "@/components/ui/field";
import { TITLE_MAX, titleLengthAnnouncement, titleTooLong } from "@/lib/title-limit";

type TitleFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, "value" | "maxLength"> &
  Omit<FieldProps, "label"> & {
    label?: string;
    value: string;
    /** The server's limit for this field. */
    max?: number;
    /** What the field is called in the over-the-limit message, e.g. "folder name". */
    noun?: string;
  };

/**
 * A title input with a live "183 / 200" counter. Nothing is cut off as people type or paste:
 * text over the limit stays, marked with the same message the server answers with, so people
 * choose what to shorten. The count is shown, and announced politely only near the limit.
 */
export function TitleField({ label = "Title", value, max = TITLE_MAX, noun = "title", error, hint, id, className, ...props }: TitleFieldProps) {
  // The server trims before it counts, so spaces at either end never push a title over.
  const length = value.trim().length;
  const over = length > max;
  const tooLong = titleTooLong(max, noun);
  // The server's answer to an earlier submit goes once the text is short enough; other errors stay.
  const shown = error && error !== tooLong ? error : over ? tooLong : null;
  return (
    <Field label={label} error={shown} hint={hint} id={id}>
      {(control) => (
        <>
          <input
            id={control.id}
            value={value}
            aria-invalid={control.invalid}
            aria-describedby={control.describedBy}
            className={cn("min-h-11 rounded-lg border bg-card px-3 py-2 text-ink", control.borderClass, className)}
            {...props}
          />
          <p aria-hidden="true" data-testid="title-counter" className={cn("self-end text-sm tabular-nums", over ? "font-medium text-danger" : "text-muted")}>
            {`${length.toLocaleString("en-GB")} / ${max.toLocaleString("en-GB")}`}
          </p>
          <p aria-live="polite" className="sr-only">
            {titleLengthAnnouncement(length, max)}
          </p>
        </>
      )}
    </Field>
  );
}
