"use client";

import { RotateCw, X } from "lucide-react";
import type { ReactNode } from "react";
import { FileIcon } from "@/components/threads/file-icon";
import { Button } from "@/components/ui/button";
import type { Upload } from "@/components/uploads/use-uploads";
import { formatFileSize } from "@/lib/file-size";

/**
 * One upload: its name, a real progress bar, the server's refusal if any, and cancel / retry /
 * remove. A refused file offers only Remove, with the reason: retrying it could never work.
 */
export function UploadRow({
  upload,
  onCancel,
  onRetry,
  onRemove,
  children,
}: {
  upload: Upload;
  onCancel: () => void;
  onRetry: () => void;
  onRemove: () => void;
  /** Fields about this file (e.g. its title), shown under it. */
  children?: ReactNode;
}) {
  const name = upload.file.name;
  const statusText = {
    uploading: `Uploading… ${upload.percent}%`,
    done: `Uploaded · ${formatFileSize(upload.file.size)}`,
    refused: "Not accepted",
    failed: "Not uploaded",
    cancelled: "Cancelled",
  }[upload.status];
  return (
    <li className="flex flex-col gap-2 rounded-lg border border-line bg-card p-3">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <FileIcon contentType={upload.file.type} />
        <span className="min-w-0 flex-1 break-words font-medium">{name}</span>
        <span className="text-sm text-muted">{statusText}</span>
      </div>
      {(upload.status === "uploading" || upload.status === "done") && (
        <div
          role="progressbar"
          aria-label={`Upload of ${name}`}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={upload.percent}
          aria-valuetext={statusText}
          className="h-2 overflow-hidden rounded-full bg-ember-50"
        >
          <div className="h-full bg-ember-700 transition-[width]" style={{ width: `${upload.percent}%` }} />
        </div>
      )}
      {upload.error && (
        <p role="alert" className="text-sm text-danger">
          {upload.error}
        </p>
      )}
      {children}
      <div className="flex flex-wrap gap-2">
        {upload.status === "uploading" && (
          <Button variant="secondary" onClick={onCancel} aria-label={`Cancel upload of ${name}`}>
            <X aria-hidden="true" className="size-4" /> Cancel
          </Button>
        )}
        {(upload.status === "failed" || upload.status === "cancelled") && (
          <Button variant="secondary" onClick={onRetry} aria-label={`Retry upload of ${name}`}>
            <RotateCw aria-hidden="true" className="size-4" /> Retry
          </Button>
        )}
        {upload.status !== "uploading" && (
          <Button variant="ghost" onClick={onRemove} aria-label={`Remove ${name}`}>
            <X aria-hidden="true" className="size-4" /> Remove
          </Button>
        )}
      </div>
    </li>
  );
}
