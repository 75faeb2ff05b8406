"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Upload } from "lucide-react";
import { useState } from "react";
import { SharedFields, type SharedValues } from "@/components/resources/shared-fields";
import { parseTags } from "@/components/threads/tags";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { TitleField } from "@/components/ui/title-field";
import { UploadDropZone } from "@/components/uploads/upload-drop-zone";
import { UploadRow } from "@/components/uploads/upload-row";
import { useUploads } from "@/components/uploads/use-uploads";
import { useTRPC } from "@/lib/trpc/client";
import { errorMessage } from "@/lib/trpc/error-message";
import { ACCEPTED_EXTENSIONS, ACCEPTED_TYPES_SENTENCE } from "@/server/files/file-types";

/** "Minutes March.pdf" → "Minutes March": the default title of an uploaded file. */
function titleFromName(name: string): string {
  const dot = name.lastIndexOf(".");
  return (dot > 0 ? name.slice(0, dot) : name).slice(0, 200);
}

/**
 * Upload several files at once (picked or dropped), each with its own progress, cancel and retry;
 * then give each a title (its file name to start with) and add them all to the library.
 */
export function UploadResourcesDialog({
  groupId,
  folderId,
  initialMeetingId,
  canPublish,
}: {
  groupId: string;
  folderId: string | null;
  initialMeetingId: string;
  canPublish: boolean;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const { uploads, add, retry, cancel, remove, clear, busy } = useUploads();
  const [titles, setTitles] = useState<Record<string, string>>({});
  const [shared, setShared] = useState<SharedValues>({ tags: "", meetingId: initialMeetingId, draft: false });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [adding, setAdding] = useState(false);
  const create = useMutation(trpc.resource.create.mutationOptions());
  const ready = uploads.filter((upload) => upload.status === "done" && upload.fileId);

  async function addAll() {
    setAdding(true);
    const failed: Record<string, string> = {};
    for (const upload of ready) {
      try {
        await create.mutateAsync({
          groupId,
          kind: "file",
          fileId: upload.fileId!,
          title: titles[upload.key] ?? titleFromName(upload.file.name),
          folderId,
          tags: parseTags(shared.tags),
          meetingId: shared.meetingId || null,
          draft: shared.draft,
        });
        remove(upload.key);
      } catch (error) {
        failed[upload.key] = errorMessage(error);
      }
    }
    setErrors(failed);
    setAdding(false);
    await queryClient.invalidateQueries(trpc.resource.pathFilter());
    await queryClient.invalidateQueries(trpc.folder.pathFilter());
    if (Object.keys(failed).length === 0 && uploads.length === ready.length) {
      clear();
      setTitles({});
      setOpen(false);
    }
  }

  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      title="Upload files"
      trigger={
        <Button>
          <Upload aria-hidden="true" className="size-5" /> Upload files
        </Button>
      }
    >
      <div className="flex flex-col gap-4">
        <UploadDropZone label="Files to add" hint={ACCEPTED_TYPES_SENTENCE} accept={ACCEPTED_EXTENSIONS} onFiles={add} />
        {uploads.length > 0 && (
          <ul aria-label="Uploads" className="flex flex-col gap-2">
            {uploads.map((upload) => (
              <UploadRow
                key={upload.key}
                upload={upload}
                onCancel={() => cancel(upload.key)}
                onRetry={() => retry(upload)}
                onRemove={() => remove(upload.key)}
              >
                {(upload.status === "uploading" || upload.status === "done") && (
                  <TitleField
                    label={`Title for ${upload.file.name}`}
                    value={titles[upload.key] ?? titleFromName(upload.file.name)}
                    onChange={(event) => setTitles((current) => ({ ...current, [upload.key]: event.target.value }))}
                    error={errors[upload.key]}
                  />
                )}
              </UploadRow>
            ))}
          </ul>
        )}
        <SharedFields groupId={groupId} values={shared} onChange={setShared} canPublish={canPublish} />
        {create.error && Object.keys(errors).length === 0 && <Alert>{errorMessage(create.error)}</Alert>}
        <Button onClick={() => void addAll()} disabled={busy || adding || ready.length === 0}>
          {busy
            ? "Waiting for uploads…"
            : adding
              ? "Adding…"
              : ready.length === 0
                ? "No files to add yet"
                : ready.length === 1
                  ? "Add 1 file to the library"
                  : `Add ${ready.length} files to the library`}
        </Button>
      </div>
    </Dialog>
  );
}
