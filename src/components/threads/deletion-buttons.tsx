import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { errorMessage } from "@/lib/trpc/error-message";

/** The end of a deletion dialog: why it failed, if it did, then Cancel (focused first, so Enter never deletes) and Delete. */
export function DeletionButtons({
  label,
  pending,
  error,
  onDelete,
  onCancel,
}: {
  label: string;
  pending: boolean;
  error: unknown;
  onDelete: () => void;
  onCancel: () => void;
}) {
  return (
    <div className="flex flex-col gap-4">
      {error ? <Alert>{errorMessage(error)}</Alert> : null}
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" autoFocus onClick={onCancel}>
          Cancel
        </Button>
        <Button onClick={onDelete} disabled={pending}>
          {pending ? "Deleting…" : label}
        </Button>
      </div>
    </div>
  );
}
