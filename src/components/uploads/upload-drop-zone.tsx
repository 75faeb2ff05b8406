"use client";

import { Upload as UploadIcon } from "lucide-react";
import { useId, useRef, useState, type DragEvent } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";

/**
 * Where files are picked or dropped: a "Choose files" button opening the native picker, whose
 * own control (unstyled, "No file chosen") stays out of sight but labelled, inside an area that
 * also accepts files dragged onto it. Touch screens cannot drag files in, so there the hint only
 * speaks of choosing them.
 */
export function UploadDropZone({
  label,
  hint,
  accept,
  multiple = true,
  onFiles,
}: {
  label: string;
  /** A sentence after the drag-or-choose one, e.g. which types are taken. */
  hint?: string;
  accept: string;
  multiple?: boolean;
  onFiles: (files: File[]) => void;
}) {
  const inputId = useId();
  const hintId = `${inputId}-hint`;
  const input = useRef<HTMLInputElement>(null);
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
        <span className="pointer-coarse:hidden">{multiple ? "Drag files here, or choose them." : "Drag a file here, or choose it."}</span>
        <span className="hidden pointer-coarse:inline">{multiple ? "Choose files to upload." : "Choose a file to upload."}</span>
        {hint && ` ${hint}`}
      </p>
      <input
        ref={input}
        id={inputId}
        type="file"
        multiple={multiple}
        accept={accept}
        tabIndex={-1}
        className="sr-only"
        onChange={(event) => {
          onFiles([...(event.target.files ?? [])]);
          event.target.value = "";
        }}
      />
      <Button variant="secondary" aria-describedby={hintId} onClick={() => input.current?.click()} data-dialog-field>
        {multiple ? "Choose files" : "Choose a file"}
      </Button>
    </div>
  );
}
