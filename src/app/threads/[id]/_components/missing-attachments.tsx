"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { FileQuestion } from "lucide-react";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { errorMessage } from "@/lib/trpc/error-message";
import { useTRPC, type RouterOutputs } from "@/lib/trpc/client";
import { ACCEPTED_EXTENSIONS } from "@/server/files/file-types";

type ThreadDetail = RouterOutputs["thread"]["byId"];
type Missing = ThreadDetail["missingAttachments"][number];

/** Sends the file through the usual upload path (POST /api/uploads) and answers its id, or the server's refusal. */
async function uploadFile(file: File): Promise<string> {
  const form = new FormData();
  form.append("file", file);
  const response = await fetch("/api/uploads", { method: "POST", body: form });
  const body = (await response.json().catch(() => ({}))) as { id?: string; error?: { message?: string } };
  if (response.status !== 201 || !body.id) throw new Error(body.error?.message ?? "The upload failed. Check your connection and try again.");
  return body.id;
}

/**
 * Files an import could only name: everyone who sees the thread sees that they existed; the
 * group's admins may upload each one, which puts it among the thread's attachments.
 */
export function MissingAttachments({ thread }: { thread: ThreadDetail }) {
  if (thread.missingAttachments.length === 0) return null;
  const canRestore = thread.viewer.canRestoreAttachments;
  return (
    <section aria-labelledby="missing-attachments-heading" className="flex flex-col gap-2">
      <h2 id="missing-attachments-heading" className="text-lg font-semibold">
        Attachments not migrated
      </h2>
      <p className="text-sm text-muted">
        These files were attached on the old platform, but only their names came across.
        {canRestore ? " Upload a file to put it back for everyone." : " A group admin can upload them."}
      </p>
      <ul className="flex flex-col gap-2">
        {thread.missingAttachments.map((missing) => (
          <MissingAttachmentRow key={missing.id} threadId={thread.id} missing={missing} canRestore={canRestore} />
        ))}
      </ul>
    </section>
  );
}

function MissingAttachmentRow({ threadId, missing, canRestore }: { threadId: string; missing: Missing; canRestore: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [uploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const restore = useMutation(
    trpc.missingAttachment.restore.mutationOptions({
      onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.thread.byId.queryKey({ id: threadId }) }),
    }),
  );

  async function onFile(file: File | undefined) {
    if (!file) return;
    setUploadError(null);
    restore.reset();
    setUploading(true);
    let fileId: string | null = null;
    try {
      fileId = await uploadFile(file);
    } catch (error) {
      setUploadError(errorMessage(error));
    } finally {
      setUploading(false);
    }
    if (fileId) restore.mutate({ id: missing.id, fileId });
  }

  const busy = uploading || restore.isPending;
  return (
    <li className="flex flex-col gap-2 rounded-lg border border-dashed border-line bg-card px-3 py-2">
      <div className="flex flex-wrap items-center gap-3">
        <FileQuestion aria-hidden="true" className="size-5 shrink-0 text-muted" />
        <span className="min-w-0 flex-1 break-words">
          Attachment not migrated: <span className="font-medium">{missing.filename}</span>
          {missing.commentId && (
            <>
              {" "}
              <a href={`#comment-${missing.commentId}`} className="text-sm text-ember-700 underline">
                (on a comment)
              </a>
            </>
          )}
        </span>
        {canRestore && (
          <label className="inline-flex min-h-11 cursor-pointer items-center rounded-lg border border-line bg-card px-4 py-2 font-semibold focus-within:outline-2 focus-within:outline-ember-700 hover:bg-ember-50">
            {busy ? "Uploading…" : "Upload file"}
            <input
              type="file"
              className="sr-only"
              accept={ACCEPTED_EXTENSIONS}
              aria-label={`Upload ${missing.filename}`}
              disabled={busy}
              onChange={(event) => {
                void onFile(event.target.files?.[0]);
                event.target.value = "";
              }}
            />
          </label>
        )}
      </div>
      {canRestore && missing.sourceUrl && (
        <p className="break-all text-sm text-muted">
          It was at{" "}
          <a href={missing.sourceUrl} rel="noreferrer noopener" target="_blank" className="text-ember-700 underline">
            {missing.sourceUrl}
          </a>
          ; download it from there if you still can, then upload it here.
        </p>
      )}
      {uploadError && <Alert>{uploadError}</Alert>}
      {restore.error && <Alert>{errorMessage(restore.error)}</Alert>}
    </li>
  );
}
