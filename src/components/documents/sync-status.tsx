import { CheckCircle2, CloudOff, Loader2, TriangleAlert } from "lucide-react";
import type { SyncState } from "@/lib/documents/document-sync";

/** Whether what is on screen is stored, on its way, or waiting for the connection to come back. */
export function SyncStatus({ sync, canEdit, keptOnDevice }: { sync: SyncState; canEdit: boolean; keptOnDevice: boolean }) {
  const { icon: Icon, text, tone } = describe(sync, canEdit, keptOnDevice);
  return (
    <p role="status" data-testid="sync-status" className={`inline-flex items-center gap-2 text-sm font-medium ${tone}`}>
      <Icon aria-hidden="true" className="size-4 shrink-0" />
      {text}
    </p>
  );
}

function offlineText(canEdit: boolean, keptOnDevice: boolean): string {
  if (!canEdit) return "Offline — reconnecting…";
  // Only promise that a closed tab keeps the edits when this device's copy is really working.
  if (keptOnDevice) return "Offline — your edits are kept on this device and will merge when you reconnect";
  return "Offline — your edits will merge when you reconnect";
}

function describe(sync: SyncState, canEdit: boolean, keptOnDevice: boolean) {
  switch (sync.status) {
    case "connecting":
      return { icon: Loader2, text: "Connecting…", tone: "text-muted" };
    case "saving":
      return { icon: Loader2, text: "Saving…", tone: "text-muted" };
    case "saved":
      return { icon: CheckCircle2, text: canEdit ? "Saved" : "Up to date (read only)", tone: "text-live" };
    case "offline":
      return { icon: CloudOff, text: offlineText(canEdit, keptOnDevice), tone: "text-ember-800" };
    case "refused":
      return { icon: TriangleAlert, text: sync.error ?? "This document could not be opened.", tone: "text-danger" };
    case "failed":
      return { icon: TriangleAlert, text: `${sync.error ?? "A change was not saved."} Reload the page to carry on.`, tone: "text-danger" };
  }
}
