"use client";

import Image from "next/image";
import { useId, useState, type ChangeEvent } from "react";
import { Button } from "@/components/ui/button";

/**
 * Uploads an image to /api/images as soon as it is chosen and reports its id, so the form that
 * owns it can attach it on save. Shows the current image, or the new one, as a preview.
 */
export function ImageUploadField({
  label,
  initialUrl,
  onChange,
}: {
  label: string;
  initialUrl: string | null;
  onChange: (imageId: string | null) => void;
}) {
  const inputId = useId();
  const [previewUrl, setPreviewUrl] = useState(initialUrl);
  const [status, setStatus] = useState<{ uploading: boolean; error: string | null }>({ uploading: false, error: null });

  async function upload(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (!file) return;
    setStatus({ uploading: true, error: null });
    const body = new FormData();
    body.append("file", file);
    try {
      const response = await fetch("/api/images", { method: "POST", body });
      const result = (await response.json()) as { id?: string; error?: { message: string } };
      if (!response.ok || !result.id) throw new Error(result.error?.message ?? "The image could not be uploaded.");
      setPreviewUrl(`/api/images/${result.id}`);
      onChange(result.id);
      setStatus({ uploading: false, error: null });
    } catch (error) {
      setStatus({ uploading: false, error: error instanceof Error ? error.message : "The image could not be uploaded." });
    }
    event.target.value = "";
  }

  function remove() {
    setPreviewUrl(null);
    onChange(null);
  }

  return (
    <div className="flex flex-col gap-2">
      <label htmlFor={inputId} className="font-semibold">
        {label}
      </label>
      <p id={`${inputId}-hint`} className="text-sm text-muted">
        PNG, JPEG, GIF or WebP, up to 1 MB.
      </p>
      <div className="flex flex-wrap items-center gap-4">
        {previewUrl && (
          <Image
            src={previewUrl}
            alt={`${label}: preview`}
            width={80}
            height={80}
            unoptimized
            className="size-20 rounded-lg border border-line object-cover"
          />
        )}
        <input
          id={inputId}
          type="file"
          accept="image/png,image/jpeg,image/gif,image/webp"
          onChange={upload}
          disabled={status.uploading}
          aria-describedby={`${inputId}-hint${status.error ? ` ${inputId}-error` : ""}`}
          className="max-w-full text-sm file:mr-3 file:min-h-11 file:rounded-lg file:border file:border-line file:bg-card file:px-4 file:font-semibold"
        />
        {previewUrl && (
          <Button variant="secondary" onClick={remove}>
            Remove
          </Button>
        )}
      </div>
      {status.uploading && <p role="status">Uploading…</p>}
      {status.error && (
        <p id={`${inputId}-error`} role="alert" className="text-sm font-medium text-danger">
          {status.error}
        </p>
      )}
    </div>
  );
}
