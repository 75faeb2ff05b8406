"use client";

import { Upload as UploadIcon } from "lucide-react";
import { useId, useState, type DragEvent } from "react";
import { cn } from "@/components/ui/cn";

/**
 * Where files are picked or dropped: a labelled native file input (keyboard and screen readers
 * use it as usual) inside an area that also accepts files dragged onto it.
 */
export function UploadDropZone({
  label,
  hint,
  accept,
  multiple = true,
  onFiles,
}: {
  label: string;
  hint?: string;
  accept: string;
  multiple?: boolean;
  onFiles: (files: File[]) => void;
}) {
  const inputId = useId();
  const hintId = `${inputId}-hint`;
  const [dragging, setDragging] = useState(false);

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    const files = [...event.dataTransfer.files];
    if (files.length > 0) onFiles(multiple ? files : files.slice(0, 1));
  };

  return (
    <div
      data-testid="upload-drop-zone"
      onDragOver={(event) => {
        event.preventDefault();
        event.dataTransfer.dropEffect = "copy";
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
      className={cn(
        "flex flex-col items-center gap-2 rounded-xl border-2 border-dashed p-5 text-center transition-colors",
        dragging ? "border-ember-700 bg-ember-50" : "border-line bg-paper",
      )}
    >
      <UploadIcon aria-hidden="true" className="size-7 text-ember-700" />
      <label htmlFor={inputId} className="font-semibold">
        {label}
      </label>
      <p id={hintId} className="text-sm text-muted">
        {hint ?? (multiple ? "Drag files here, or choose them." : "Drag a file here, or choose it.")}
      </p>
      <input
        id={inputId}
        type="file"
        multiple={multiple}
        accept={accept}
        aria-describedby={hintId}
        className="w-full max-w-xs text-sm file:mr-3 file:min-h-11 file:rounded-lg file:border file:border-line file:bg-card file:px-4 file:font-semibold file:text-ink hover:file:bg-ember-50"
        onChange={(event) => {
          onFiles([...(event.target.files ?? [])]);
          event.target.value = "";
        }}
      />
    </div>
  );
}
