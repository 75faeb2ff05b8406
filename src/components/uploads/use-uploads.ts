"use client";

import { useCallback, useRef, useState } from "react";

/**
 * "refused": the server turned the file itself down (too large, a type Hearth does not take, a
 * disguised file), so sending it again cannot help; "failed": the network or the server let it
 * down, and a retry may work.
 */
type Status = "uploading" | "done" | "refused" | "failed" | "cancelled";

/** One file on its way to `POST /api/uploads`; it keeps its File so that a retry needs no new pick. */
export type Upload = { key: string; file: File; status: Status; percent: number; fileId: string | null; error: string | null };

const FAILED = "The upload failed. Check your connection and try again.";

/** Answers about the file or the person, not about the moment: asking again gets the same answer. */
function refusesTheFile(status: number): boolean {
  return status >= 400 && status < 500 && status !== 408 && status !== 429;
}

function serverMessage(xhr: XMLHttpRequest): string {
  try {
    const body = JSON.parse(xhr.responseText) as { error?: { message?: string } };
    return body.error?.message ?? FAILED;
  } catch {
    return FAILED;
  }
}

/**
 * Uploads files, one request each, through XMLHttpRequest, whose upload events give a real
 * progress bar (fetch has none). Several run at once; each can be cancelled, and a failed or
 * cancelled one retried with the File it already holds.
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
        // 100% only once the server has stored the file and answered.
        if (event.lengthComputable) update(key, { percent: Math.min(99, Math.floor((event.loaded / event.total) * 100)) });
      };
      xhr.onload = () => {
        requests.current.delete(key);
        if (xhr.status === 201) {
          const { id } = JSON.parse(xhr.responseText) as { id: string };
          update(key, { status: "done", percent: 100, fileId: id });
        } else {
          update(key, { status: refusesTheFile(xhr.status) ? "refused" : "failed", error: serverMessage(xhr) });
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
  const clear = useCallback(() => {
    for (const request of requests.current.values()) request.abort();
    setUploads([]);
  }, []);

  return { uploads, add, retry, cancel, remove, clear, busy: uploads.some((upload) => upload.status === "uploading") };
}

export type UploadsState = ReturnType<typeof useUploads>;
