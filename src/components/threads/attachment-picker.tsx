"use client";

import { useId } from "react";
import { UploadRow } from "@/components/uploads/upload-row";
import type { UploadsState } from "@/components/uploads/use-uploads";

type Props = Pick<UploadsState, "uploads" | "add" | "retry" | "cancel" | "remove"> & { accept: string };

export function AttachmentPicker({ uploads, add, retry, cancel, remove, accept }: Props) {
  const inputId = useId();
  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-col gap-1">
        <label htmlFor={inputId} className="font-semibold">
          Attach files (optional)
        </label>
        <input
          id={inputId}
          type="file"
          multiple
          accept={accept}
          className="w-full max-w-full text-sm file:mr-3 file:min-h-11 file:rounded-lg file:border file:border-line file:bg-card file:px-4 file:font-semibold file:text-ink hover:file:bg-ember-50"
          onChange={(event) => {
            add([...(event.target.files ?? [])]);
            event.target.value = "";
          }}
        />
      </div>
      {uploads.length > 0 && (
        <ul aria-label="Attachments" className="flex flex-col gap-2">
          {uploads.map((upload) => (
            <UploadRow key={upload.key} upload={upload} onCancel={() => cancel(upload.key)} onRetry={() => retry(upload)} onRemove={() => remove(upload.key)} />
          ))}
        </ul>
      )}
    </div>
  );
}
