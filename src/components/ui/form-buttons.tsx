import { Button } from "@/components/ui/button";

/**
 * The submit and Cancel pair that ends a form; while `pending` the submit button says so
 * (`pendingLabel`, "Saving…" unless the form does something else) and cannot be pressed again.
 */
export function FormButtons({
  label,
  pending,
  pendingLabel = "Saving…",
  disabled = false,
  onCancel,
}: {
  label: string;
  pending: boolean;
  pendingLabel?: string;
  /** Not ready to submit (e.g. nothing typed yet). */
  disabled?: boolean;
  onCancel: () => void;
}) {
  return (
    <div className="flex flex-wrap gap-2">
      <Button type="submit" disabled={pending || disabled}>
        {pending ? pendingLabel : label}
      </Button>
      <Button variant="secondary" onClick={onCancel}>
        Cancel
      </Button>
    </div>
  );
}
