"use client";

import { useId, useRef, useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { formatFileSize } from "@/lib/file-size";

const FORMATS = [
  {
    value: "loomio",
    label: "A Loomio export",
    hint: "The file from Loomio's “Export group data” (JSON), with its subgroups, threads, votes and outcomes.",
  },
  {
    value: "hearth",
    label: "A Hearth export",
    hint: "The JSON file another Hearth gave when a group was downloaded.",
  },
] as const;

/** The most the page takes, as the server says it (POST /api/imports); larger files go through the command line. */
const MAX_BYTES = 1024 ** 3;
const FAILED = "The upload failed. Check your connection and try again.";

type Upload = { state: "idle" } | { state: "uploading"; percent: number } | { state: "failed"; message: string };

function serverMessage(xhr: XMLHttpRequest): string {
  try {
    return (JSON.parse(xhr.responseText) as { error?: { message?: string } }).error?.message ?? FAILED;
  } catch {
    return FAILED;
  }
}

/**
 * Chooses the kind of export and sends the file with a real progress bar (XMLHttpRequest, as
 * fetch has no upload progress). The server answers once the file is stored and the check begun.
 */
export function ImportUploadForm({ onUploaded }: { onUploaded: (runId: string) => void }) {
  const id = useId();
  const [format, setFormat] = useState<(typeof FORMATS)[number]["value"]>("loomio");
  const [upload, setUpload] = useState<Upload>({ state: "idle" });
  const fileInput = useRef<HTMLInputElement>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const file = fileInput.current?.files?.[0];
    if (!file) return setUpload({ state: "failed", message: "Choose the export file first." });
    if (file.size > MAX_BYTES) {
      return setUpload({
        state: "failed",
        message: `That file is ${formatFileSize(file.size)}, more than the ${formatFileSize(MAX_BYTES)} this page takes. Import it from the server's command line instead (npm run import:loomio).`,
      });
    }
    const xhr = new XMLHttpRequest();
    xhr.upload.onprogress = (progress) => {
      // 100% only once the server has stored the file and answered.
      if (progress.lengthComputable) setUpload({ state: "uploading", percent: Math.min(99, Math.floor((progress.loaded / progress.total) * 100)) });
    };
    xhr.onload = () => {
      if (xhr.status !== 201) return setUpload({ state: "failed", message: serverMessage(xhr) });
      setUpload({ state: "idle" });
      if (fileInput.current) fileInput.current.value = "";
      onUploaded((JSON.parse(xhr.responseText) as { id: string }).id);
    };
    xhr.onerror = () => setUpload({ state: "failed", message: FAILED });
    const form = new FormData();
    form.append("file", file);
    xhr.open("POST", `/api/imports?format=${format}`);
    xhr.send(form);
    setUpload({ state: "uploading", percent: 0 });
  }

  const uploading = upload.state === "uploading";
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-5 rounded-xl border border-line bg-card p-5 shadow-sm" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="text-xl font-bold">
        Upload an export
      </h2>
      <fieldset className="flex flex-col gap-3">
        <legend className="mb-2 font-semibold">What kind of export is it?</legend>
        {FORMATS.map((option) => (
          <div key={option.value} className="flex items-start gap-3">
            <input
              id={`${id}-${option.value}`}
              type="radio"
              name={`${id}-format`}
              value={option.value}
              checked={format === option.value}
              onChange={() => setFormat(option.value)}
              aria-describedby={`${id}-${option.value}-hint`}
              disabled={uploading}
              className="mt-1.5 size-5 shrink-0 accent-ember-700"
            />
            <div>
              <label htmlFor={`${id}-${option.value}`} className="font-semibold">
                {option.label}
              </label>
              <p id={`${id}-${option.value}-hint`} className="text-sm text-muted">
                {option.hint}
              </p>
            </div>
          </div>
        ))}
      </fieldset>
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-file`} className="font-semibold">
          Export file
        </label>
        <p id={`${id}-file-hint`} className="text-sm text-muted">
          Up to {formatFileSize(MAX_BYTES)}. Nothing is imported until you have seen what the file holds and chosen Import.
        </p>
        <input
          id={`${id}-file`}
          ref={fileInput}
          type="file"
          accept=".json,.jsonl,application/json"
          aria-describedby={`${id}-file-hint`}
          disabled={uploading}
          className="w-full max-w-full text-sm file:mr-3 file:min-h-11 file:rounded-lg file:border file:border-line file:bg-card file:px-4 file:font-semibold file:text-ink hover:file:bg-ember-50"
        />
      </div>
      {uploading && (
        <div
          role="progressbar"
          aria-label="Upload of the export"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={upload.percent}
          aria-valuetext={`Uploading… ${upload.percent}%`}
          className="h-2 overflow-hidden rounded-full bg-ember-50"
        >
          <div className="h-full bg-ember-700 transition-[width]" style={{ width: `${upload.percent}%` }} />
        </div>
      )}
      {upload.state === "failed" && <Alert>{upload.message}</Alert>}
      <div>
        <Button type="submit" disabled={uploading}>
          {uploading ? `Uploading… ${upload.percent}%` : "Upload and check"}
        </Button>
      </div>
    </form>
  );
}
