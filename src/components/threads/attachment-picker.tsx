"use client";

import { RotateCw, X } from "lucide-react";
import { useCallback, useId, useRef, useState } from "react";
import { FileIcon } from "@/components/threads/file-icon";
import { Button } from "@/components/ui/button";
import { formatFileSize } from "@/lib/file-size";

type Status = "uploading" | "done" | "failed" | "cancelled";

export type Upload = { key: string; file: File; status: Status; percent: number; fileId: string | null; error: string | null };

const FAILED = "The upload failed. Check your connection and try again.";

function serverMessage(xhr: XMLHttpRequest): string {
  try {
    const body = JSON.parse(xhr.responseText) as { error?: { message?: string } };
    return body.error?.message ?? FAILED;
  } catch {
    return FAILED;
  }
}

/**
 * Uploads files one request each through XMLHttpRequest, whose upload events give a real
 * progress bar (fetch has none). Every upload keeps its File, so a failed or cancelled one can be
 * retried without picking it again.
 */
export function useUploads() {
  const [uploads, setUploads] = useState<Upload[]>([]);
  const requests = useRef(new Map<string, XMLHttpRequest>());

  const update = useCallback((key: string, change: Partial<Upload>) => {
    setUploads((current) => current.map((upload) => (upload.key === key ? { ...upload, ...change } : upload)));
  }, []);

  const send = useCallback(
    (key: string, file: File) => {
      const xhr = new XMLHttpRequest();
      requests.current.set(key, xhr);
      xhr.upload.onprogress = (event) => {
        if (event.lengthComputable) update(key, { percent: Math.min(99, Math.floor((event.loaded / event.total) * 100)) });
      };
      xhr.onload = () => {
        requests.current.delete(key);
        if (xhr.status === 201) {
          const { id } = JSON.parse(xhr.responseText) as { id: string };
          update(key, { status: "done", percent: 100, fileId: id });
        } else {
          update(key, { status: "failed", error: serverMessage(xhr) });
        }
      };
      xhr.onerror = () => {
        requests.current.delete(key);
        update(key, { status: "failed", error: FAILED });
      };
      xhr.onabort = () => {
        requests.current.delete(key);
        update(key, { status: "cancelled", error: null });
      };
      const form = new FormData();
      form.append("file", file);
      xhr.open("POST", "/api/uploads");
      xhr.send(form);
    },
    [update],
  );

  const add = useCallback(
    (files: File[]) => {
      const added = files.map((file) => ({ key: crypto.randomUUID(), file, status: "uploading" as const, percent: 0, fileId: null, error: null }));
      setUploads((current) => [...current, ...added]);
      for (const upload of added) send(upload.key, upload.file);
    },
    [send],
  );

  const retry = useCallback(
    (upload: Upload) => {
      update(upload.key, { status: "uploading", percent: 0, error: null });
      send(upload.key, upload.file);
    },
    [send, update],
  );

  const cancel = useCallback((key: string) => requests.current.get(key)?.abort(), []);
  const remove = useCallback((key: string) => {
    requests.current.get(key)?.abort();
    setUploads((current) => current.filter((upload) => upload.key !== key));
  }, []);
  const clear = useCallback(() => setUploads([]), []);

  return {
    uploads,
    add,
    retry,
    cancel,
    remove,
    clear,
    fileIds: uploads.flatMap((upload) => (upload.fileId ? [upload.fileId] : [])),
    busy: uploads.some((upload) => upload.status === "uploading"),
  };
}

type Props = Omit<ReturnType<typeof useUploads>, "fileIds" | "busy" | "clear"> & { accept: string };

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

function UploadRow({ upload, onCancel, onRetry, onRemove }: { upload: Upload; onCancel: () => void; onRetry: () => void; onRemove: () => void }) {
  const name = upload.file.name;
  const statusText = {
    uploading: `Uploading… ${upload.percent}%`,
    done: `Uploaded · ${formatFileSize(upload.file.size)}`,
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
